using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Orleans.Serialization.Invocation;
using Orleans.Storage;

namespace OpenChronic.Grains;

/// <summary>
/// Durable membership of a partition. When the silo registers a grain storage named <see cref="MembershipStorage"/>
/// (cluster mode), the member list is read on activation and a registration returns only once a write containing it
/// succeeded, so a partition that moves to another silo, or a cluster that restarts, still knows every patient.
/// Registrations interleave and share writes (group commit): while one write is in flight, the registrations that
/// arrive wait for the next one. Without that storage (the embedded default) membership stays in memory, as before.
/// Summaries are derived data: the next derivation (export, query) pushes them again.
/// </summary>
[MayInterleave(nameof(MayInterleaveRegistration))]
public sealed partial class PartitionGrain
{
    /// <summary>Name of the grain storage holding partition member lists.</summary>
    public const string MembershipStorage = "partitions";

    private const string MembershipStateName = "members";
    private IGrainStorage? _membershipStorage;
    private GrainState<PartitionMembersState>? _membershipState;
    private long _membershipChanges;
    private long _membershipSaved;
    private Task? _membershipWriter;

    /// <summary>Registrations may interleave with each other: they only add to the set and wait for a shared write.</summary>
    public static bool MayInterleaveRegistration(IInvokable request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.GetMethodName() is nameof(IPartitionGrain.RegisterAsync) or "Register";
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _membershipStorage = ServiceProvider.GetKeyedService<IGrainStorage>(MembershipStorage);
        if (_membershipStorage is null)
        {
            return;
        }

        _membershipState = new GrainState<PartitionMembersState>(new PartitionMembersState());
        await _membershipStorage.ReadStateAsync(MembershipStateName, this.GetGrainId(), _membershipState);
        var keys = MemoryMarshal.Cast<byte, Guid>(_membershipState.State?.Members ?? []);
        foreach (var key in keys)
        {
            _members.Add(key);
        }
    }

    /// <summary>Makes the current member set durable; completes at once in the embedded default.</summary>
    private ValueTask PersistMembershipAsync()
    {
        if (_membershipStorage is null)
        {
            return ValueTask.CompletedTask;
        }

        _membershipChanges++;
        return new ValueTask(WaitForMembershipWriteAsync(_membershipChanges));
    }

    private async Task WaitForMembershipWriteAsync(long change)
    {
        while (_membershipSaved < change)
        {
            var writer = _membershipWriter ??= WriteMembershipAsync();
            await writer;

            // A writer that completed synchronously cleared the field before it was assigned.
            if (ReferenceEquals(_membershipWriter, writer))
            {
                _membershipWriter = null;
            }
        }
    }

    // One writer at a time: each pass writes a snapshot of every member known when it starts.
    private async Task WriteMembershipAsync()
    {
        try
        {
            while (_membershipSaved < _membershipChanges)
            {
                var change = _membershipChanges;
                var keys = _members.Order().ToArray();
                _membershipState!.State = new PartitionMembersState { Members = MemoryMarshal.AsBytes(keys.AsSpan()).ToArray() };
                await _membershipStorage!.WriteStateAsync(MembershipStateName, this.GetGrainId(), _membershipState);
                _membershipSaved = change;
            }
        }
        finally
        {
            _membershipWriter = null;
        }
    }
}
