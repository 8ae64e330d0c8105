using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Hashing;
using OpenChronic.Analytics.Coordination;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Grains;

/// <summary>Maps the coordination domain types (Analytics) to their wire records and back, and keys providers pseudonymously.</summary>
internal static class CoordinationWire
{
    public static TransitionOptions Options(CoordinationQuery query) => TransitionOptions.Default with
    {
        PrincipalDiagnoses = query.PrincipalDiagnoses,
        PriorWindowDays = query.PriorWindowDays,
        LastObservedDay = query.LastObservedDay,
    };

    public static ContinuityWire From(ContinuityResult r) =>
        new(r.Visits, r.BiceBoxerman, r.UpcDeclaredGp, r.UpcMostSeenGp, r.Herfindahl, r.Secon, r.Mmci, r.DistinctGps, r.DistinctSpecialists);

    public static ContinuityResult ToResult(ContinuityWire w) =>
        new(w.Visits, w.Coc, w.UpcDeclaredGp, w.UpcMostSeenGp, w.Herfindahl, w.Secon, w.Mmci, w.DistinctGps, w.DistinctSpecialists);

    public static IndexStayWire From(IndexStay s) =>
        new(s.AdmissionDay, s.DischargeDay, s.DaysToGp, s.DaysToSpecialist, s.DaysToReadmission, s.PriorGp, s.BackgroundGp);

    public static IndexStay ToStay(IndexStayWire w) =>
        new(w.AdmissionDay, w.DischargeDay, 0, w.DaysToGp, w.DaysToSpecialist, w.DaysToReadmission, w.PriorGp, w.BackgroundGp);

    /// <summary>A provider's pseudonymous key: XxHash64 of its kind and packed number under the query's salt.</summary>
    public static ulong ProviderKey(ProviderKind kind, ulong packed, ulong salt)
    {
        Span<byte> bytes = stackalloc byte[9];
        bytes[0] = (byte)kind;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[1..], packed);
        return XxHash64.HashToUInt64(bytes, unchecked((long)salt));
    }

    /// <summary>The distinct providers of the year: community physicians seen and hospitals stayed in.</summary>
    public static (ImmutableArray<ulong> Keys, ImmutableArray<byte> Kinds) Providers(ReadOnlySpan<CareEvent> timeline, int year, ulong salt)
    {
        var seen = new SortedDictionary<ulong, byte>();
        foreach (ref readonly var e in timeline)
        {
            if (e.Date.Year != year)
            {
                continue;
            }

            ProviderKind? kind = e.Kind == CareEventKind.HospitalStay && e.Detail != 0 ? ProviderKind.Hospital
                : PatientContinuity.IsPhysicianVisit(e) ? (HospitalEpisodeBuilder.IsGeneralPractitioner(e.Specialty) ? ProviderKind.GeneralPractitioner : ProviderKind.Specialist)
                : null;
            if (kind is { } k)
            {
                seen[ProviderKey(k, e.Detail, salt)] = (byte)k;
            }
        }

        return ([.. seen.Keys], [.. seen.Values]);
    }

    public static TerritoryCoordination From(string territory, CoordinationTally tally, SharingNetwork? network)
    {
        if (network is null)
        {
            return new TerritoryCoordination(territory, [.. tally.Counts], [.. tally.Sums], [], [], [], [], [], 0);
        }

        var pairs = network.Pairs.OrderBy(p => p.Key).ToArray();
        var nodes = network.Nodes.OrderBy(n => n.Key).ToArray();
        return new TerritoryCoordination(territory, [.. tally.Counts], [.. tally.Sums],
            [.. nodes.Select(n => n.Key)], [.. nodes.Select(n => (byte)n.Value)],
            [.. pairs.Select(p => p.Key.Item1)], [.. pairs.Select(p => p.Key.Item2)], [.. pairs.Select(p => p.Value)], network.Persons);
    }

    public static SharingNetwork Network(TerritoryCoordination wire)
    {
        var network = new SharingNetwork();
        network.Add(wire.NodeKeys.AsSpan(), wire.NodeKinds.AsSpan(), wire.EdgeFrom.AsSpan(), wire.EdgeTo.AsSpan(), wire.EdgeWeights.AsSpan(), wire.NetworkPersons);
        return network;
    }
}
