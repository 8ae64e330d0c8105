using OpenChronic.Ingestion.Validation;

namespace OpenChronic.Ingestion.Build;

/// <summary>The working buffers of a read, kept from one unit to the next.</summary>
public sealed partial class UnitReader
{
    // The buffers of the last read, ready for the next one, held weakly: reused from unit to unit during a job (they
    // live in the large-object heap, which only a full collection frees), given back to the collector once the job is
    // over instead of being held by an idle reader. A concurrent read takes new buffers.
    private readonly Lock _spareGate = new();
    private readonly WeakReference<Scratch?> _spare = new(null);

    private Scratch TakeScratch()
    {
        lock (_spareGate)
        {
            if (_spare.TryGetTarget(out var scratch) && scratch is not null)
            {
                _spare.SetTarget(null);
                return scratch;
            }
        }

        return new Scratch();
    }

    private void ReturnScratch(Scratch scratch)
    {
        scratch.Reset();
        lock (_spareGate)
        {
            _spare.SetTarget(scratch);
        }
    }

    /// <summary>
    /// What a unit buffers while it is read: the accumulator, and for DCIR the establishment lines, the detail lines
    /// and their chains by key (one index chain per key instead of a list per key) and the keys of the claim lines
    /// seen. Nothing in it leaves the read: <see cref="UnitAccumulator.Build"/> copies what the output keeps.
    /// </summary>
    private sealed class Scratch
    {
        public UnitAccumulator Accumulator { get; } = new();

        public Dictionary<ulong, (long Taa, int Source, long Row)> Establishments { get; } = [];

        public List<Detail> Details { get; } = [];

        /// <summary>The next detail line with the same keys, -1 for the last (parallel to <see cref="Details"/>).</summary>
        public List<int> NextDetail { get; } = [];

        /// <summary>The first and last detail line of each key not yet joined to its claim line.</summary>
        public Dictionary<ulong, (int First, int Last)> DetailsByKey { get; } = [];

        public HashSet<ulong> SeenClaims { get; } = [];

        /// <summary>The (table label, file) of the unit's files, indexed by <see cref="Detail.Source"/>.</summary>
        public List<(string Label, string File)> Sources { get; } = [];

        public void Reset()
        {
            Accumulator.Reset();
            Establishments.Clear();
            Details.Clear();
            NextDetail.Clear();
            DetailsByKey.Clear();
            SeenClaims.Clear();
            Sources.Clear();
        }

        public int Source(ExtractFile file)
        {
            Sources.Add((file.TableLabel, file.RelativePath));
            return Sources.Count - 1;
        }

        /// <summary>Appends a detail line at the end of its key's chain.</summary>
        public void AddDetail(ulong key, in Detail detail)
        {
            var index = Details.Count;
            Details.Add(detail);
            NextDetail.Add(-1);
            ref var chain = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(DetailsByKey, key, out var exists);
            if (exists)
            {
                System.Runtime.InteropServices.CollectionsMarshal.AsSpan(NextDetail)[chain.Last] = index;
                chain.Last = index;
            }
            else
            {
                chain = (index, index);
            }
        }
    }
}
