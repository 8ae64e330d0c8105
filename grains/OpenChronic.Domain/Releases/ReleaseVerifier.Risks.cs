namespace OpenChronic.Domain.Releases;

public static partial class ReleaseVerifier
{
    private const double RiskTolerance = 1e-9;

    // The prosecutor risks recorded in the manifest, recounted from the microdata: highest = 1 / smallest class,
    // average = classes / records (classes on the quasi-identifier columns 1..q). A recorded figure that the files do
    // not give is a problem; a release without recorded risks (older format) is not.
    private static void CheckRisks(string directory, ReleasePolicy policy, ReleaseManifest manifest, List<string> problems)
    {
        if (manifest.MeasuredRisks.IsDefaultOrEmpty)
        {
            return;
        }

        foreach (var risk in manifest.MeasuredRisks)
        {
            if (!double.IsFinite(risk.Value) || risk.Value < 0)
            {
                problems.Add($"{ReleaseManifest.FileName}: measured risk {risk.Name} = {risk.Value} is not a finite non-negative number");
            }
        }

        var csv = Path.Combine(directory, ReleaseManifest.MicrodataCsv);
        if (!File.Exists(csv))
        {
            return;
        }

        var q = policy.QuasiIdentifiers.Count;
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(csv).Skip(1).Where(l => l.Length > 0))
        {
            var fields = line.Split(ReleaseWriter.Separator);
            if (fields.Length <= q)
            {
                return;
            }

            var key = string.Join('\u001f', fields, 1, q);
            sizes[key] = sizes.GetValueOrDefault(key) + 1;
        }

        if (sizes.Count == 0)
        {
            return;
        }

        var records = sizes.Values.Sum();
        Compare(manifest, ReleaseRisks.HighestProsecutor, 1.0 / sizes.Values.Min(), problems);
        Compare(manifest, ReleaseRisks.AverageProsecutor, (double)sizes.Count / records, problems);
    }

    private static void Compare(ReleaseManifest manifest, string name, double recounted, List<string> problems)
    {
        var recorded = manifest.MeasuredRisks.FirstOrDefault(r => r.Name == name);
        if (recorded is null)
        {
            problems.Add($"{ReleaseManifest.FileName} records measured risks but not {name}");
        }
        else if (Math.Abs(recorded.Value - recounted) > RiskTolerance)
        {
            problems.Add(FormattableString.Invariant($"{ReleaseManifest.FileName} records {name} = {recorded.Value:G6}, the microdata give {recounted:G6}"));
        }
    }
}
