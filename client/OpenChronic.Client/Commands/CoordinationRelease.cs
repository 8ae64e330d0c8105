using OpenChronic.Analytics.Coordination;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>Writes the coordination release (tables and figures) and prints its headline numbers.</summary>
internal static class CoordinationRelease
{
    public static bool Write(string output, SortedDictionary<string, CoordinationTerritory> territories, CoordinationArguments args, int year, IAnsiConsole console)
    {
        var national = CoordinationGridQuery.National(territories.Values);
        List<(string Territory, CoordinationTally Tally)> rows = [.. territories.Select(t => (t.Key, t.Value.Tally)), ("all", national)];
        List<(string Territory, NetworkReport Report)> networks = [.. territories.Select(t => (t.Key, t.Value.Network.Report(args.Threshold)))];
        try
        {
            Directory.CreateDirectory(output);
            var files = new (string Name, string Text)[]
            {
                ("continuity_by_territory.csv", CoordinationTables.Continuity(rows, args.MinCell)),
                ("followup_by_territory.csv", CoordinationTables.FollowUp(rows, args.MinCell)),
                ("distributions.csv", CoordinationTables.Distributions(national, args.MinCell)),
                ("networks_by_territory.csv", CoordinationTables.Networks(networks, args.MinCell, args.Threshold)),
                ("distributions.svg", CoordinationFigures.Distributions(national, args.MinCell, args.Cohort, year)),
                ("followup_by_territory.svg", CoordinationFigures.FollowUp(rows[..^1], args.MinCell, args.Cohort, year)),
            };
            foreach (var (name, text) in files)
            {
                File.WriteAllText(Path.Combine(output, name), text);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]Cannot write to {output}: {e.Message}[/]");
            return false;
        }

        var stays = national[CoordinationCount.Stays];
        console.MarkupLineInterpolated($"Cohort [bold]{args.Cohort}[/] {year}: {national[CoordinationCount.Persons]:N0} persons in {territories.Count} territories; {stays:N0} index stays ({args.Dp}) of {national[CoordinationCount.StayPersons]:N0} persons.");
        console.MarkupLineInterpolated($"  COC median {national.Quantile(CoordinationMeasure.Coc, 0.5):0.000}, UPC (most-seen GP) median {national.Quantile(CoordinationMeasure.UpcMostSeenGp, 0.5):0.000}, GP-only UPC median {national.Quantile(CoordinationMeasure.GpUpc, 0.5):0.000}, care density mean {national.Mean(CoordinationMeasure.CareDensity):0.00}.");
        if (stays > 0)
        {
            console.MarkupLineInterpolated($"  GP within 7 days {Rate(national, CoordinationCount.GpWithin7)}, within 30 days {Rate(national, CoordinationCount.GpWithin30)}; specialist within 7 / 30 days {Rate(national, CoordinationCount.SpecialistWithin7)} / {Rate(national, CoordinationCount.SpecialistWithin30)}; readmission within 30 days {Rate(national, CoordinationCount.ReadmittedWithin30)}; GP in the {args.PriorDays} days before admission {Rate(national, CoordinationCount.PriorGp)}.");
        }

        var declared = national.Defined(CoordinationMeasure.UpcDeclaredGp);
        console.MarkupLineInterpolated($"  UPC against the declared médecin traitant (PRS_MTT_NUM) median {national.Quantile(CoordinationMeasure.UpcDeclaredGp, 0.5):0.000}, defined for {declared:N0} persons ({declared / (double)Math.Max(1, national[CoordinationCount.Persons]):P1}; undefined without a declaration or a visit).");
        console.MarkupLineInterpolated($"Wrote 4 tables and 2 figures to [bold]{Path.GetFullPath(output)}[/] (cells under {args.MinCell} suppressed).");
        return true;
    }

    private static string Rate(CoordinationTally t, CoordinationCount count) =>
        (t[count] / (double)Math.Max(1, t[CoordinationCount.Stays])).ToString("P1", System.Globalization.CultureInfo.InvariantCulture);
}
