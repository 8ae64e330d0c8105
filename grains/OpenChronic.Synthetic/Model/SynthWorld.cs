using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using OpenChronic.Domain.Snds;
using OpenChronic.Synthetic.Data;

namespace OpenChronic.Synthetic.Model;

/// <summary>
/// Everything shared by the persons of one synthetic extract: départements with their planted effects,
/// professionals, hospitals, drug pools and the planted outliers. Built deterministically from the seed;
/// read-only afterwards, so persons can be simulated in parallel.
/// </summary>
public sealed class SynthWorld
{
    /// <summary>Baseline probability of a GP visit within 7 days of a heart-failure discharge.</summary>
    public const double BaselineGpFollowUp = 0.6;

    /// <summary>Baseline probability of a readmission within 30 days of a heart-failure stay.</summary>
    public const double BaselineReadmission = 0.15;

    /// <summary>Specialties present in every département (PSE_SPE_COD of IR_SPE_V).</summary>
    public static readonly ImmutableArray<int> Specialties = [3, 13, 32, 33, 35, 42, 73];

    private readonly FrozenDictionary<string, ImmutableArray<Drug>> _drugs;

    public SynthWorld(ulong seed, int patients)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(patients, 1);
        var rng = new SynthRandom(seed, 0xC0FFEE, 0);
        var communesByDept = ReadCommunes();
        var total = FrancePopulation.Departements.Sum(d => d.Thousands);

        var territories = new List<Territory>();
        foreach (var (code, name, thousands) in FrancePopulation.Departements)
        {
            var communes = communesByDept.TryGetValue(code, out var list) ? list.ToArray() : ["999"];
            territories.Add(new Territory(code, name, (double)thousands / total, communes,
                Hba1cRate: Math.Exp(0.15 * rng.Normal()),
                GpFollowUp7Days: Math.Clamp(BaselineGpFollowUp + 0.08 * rng.Normal(), 0.3, 0.85),
                Readmission: Math.Exp(0.15 * rng.Normal()),
                DiabetesRisk: FrancePopulation.DiabetesGradient(code)));
        }

        // Outliers among the six most populous départements, so that even a small extract holds enough of
        // their residents for the planted difference to be measurable.
        var populous = territories.Select((t, i) => (t, i)).OrderByDescending(x => x.t.Weight).Take(6).Select(x => x.i).ToList();
        var outliers = new List<PlantedOutlier>();
        var a = populous[rng.Next(populous.Count)];
        populous.Remove(a);
        var b = populous[rng.Next(populous.Count)];
        populous.Remove(b);
        var c = populous[rng.Next(populous.Count)];
        territories[a] = territories[a] with { Hba1cRate = 0.3 };
        territories[b] = territories[b] with { GpFollowUp7Days = 0.15 };
        territories[c] = territories[c] with { Readmission = 2.5 };
        outliers.Add(new("departement", territories[a].Code, "hba1c_monitoring_rate", 0.3, 1.0));
        outliers.Add(new("departement", territories[b].Code, "gp_visit_7d_after_hf_discharge", 0.15, BaselineGpFollowUp));
        outliers.Add(new("departement", territories[c].Code, "readmission_30d_after_hf", 2.5 * BaselineReadmission, BaselineReadmission));
        Territories = [.. territories];
        Cumulative = [.. Cumulate(territories.Select(t => t.Weight))];

        var pros = new List<Professional>();
        var establishments = new List<Establishment>();
        var gps = new int[territories.Count][];
        var nurses = new int[territories.Count][];
        var pharmacies = new int[territories.Count][];
        var labs = new int[territories.Count][];
        var specialists = new int[territories.Count][][];
        var publicHospitals = new int[territories.Count][];
        var clinics = new int[territories.Count][];
        for (var t = 0; t < territories.Count; t++)
        {
            var people = territories[t].Weight * patients;
            var dept = territories[t].Code;
            gps[t] = AddPros(pros, t, dept, 1, 0, Math.Max(2, (int)Math.Ceiling(people / 900)));
            specialists[t] = [.. Specialties.Select(s => AddPros(pros, t, dept, s, 0, Math.Max(1, (int)Math.Ceiling(people / 15000))))];
            nurses[t] = AddPros(pros, t, dept, 0, 24, Math.Max(1, (int)Math.Ceiling(people / 1500)));
            pharmacies[t] = AddPros(pros, t, dept, 0, 50, Math.Max(1, (int)Math.Ceiling(people / 3000)));
            labs[t] = AddPros(pros, t, dept, 38, 0, Math.Max(1, (int)Math.Ceiling(people / 20000)));
            publicHospitals[t] = AddEstablishments(establishments, t, dept, true, Math.Max(1, (int)Math.Round(people / 50000)));
            clinics[t] = AddEstablishments(establishments, t, dept, false, Math.Max(1, (int)Math.Round(people / 70000)));
        }

        // Two public hospitals of populous départements (not the readmission outlier) readmit far more often.
        foreach (var t in populous.Where(p => p != c).Take(2))
        {
            var e = publicHospitals[t][0];
            establishments[e] = establishments[e] with { Readmission = 3.0 };
            outliers.Add(new("establishment", establishments[e].EtaNum, "readmission_30d_after_hf", 3.0 * BaselineReadmission, BaselineReadmission));
        }

        Professionals = [.. pros];
        Establishments = [.. establishments];
        Gps = gps;
        Nurses = nurses;
        Pharmacies = pharmacies;
        Labs = labs;
        SpecialistsByTerritory = specialists;
        PublicHospitals = publicHospitals;
        Clinics = clinics;
        Outliers = [.. outliers];

        var prefixes = Conditions.All.SelectMany(p => p.Atc).Concat(AcuteAtc).Distinct(StringComparer.Ordinal);
        _drugs = prefixes.ToFrozenDictionary(p => p, p => DrugReferential.Default.WithAtcPrefix(p), StringComparer.Ordinal);
    }

    /// <summary>ATC prefixes of occasional, non-chronic dispensations (antibiotics, analgesics, NSAIDs, PPIs).</summary>
    public static ImmutableArray<string> AcuteAtc { get; } = ["J01CA04", "N02BE01", "M01AE01", "A02BC"];

    public ImmutableArray<Territory> Territories { get; }

    /// <summary>Cumulative population weights of <see cref="Territories"/>.</summary>
    public ImmutableArray<double> Cumulative { get; }

    public ImmutableArray<Professional> Professionals { get; }

    public ImmutableArray<Establishment> Establishments { get; }

    public ImmutableArray<PlantedOutlier> Outliers { get; }

    internal int[][] Gps { get; }

    internal int[][] Nurses { get; }

    internal int[][] Pharmacies { get; }

    internal int[][] Labs { get; }

    /// <summary>Per territory, per index of <see cref="Specialties"/>, the specialists.</summary>
    internal int[][][] SpecialistsByTerritory { get; }

    internal int[][] PublicHospitals { get; }

    internal int[][] Clinics { get; }

    /// <summary>Presentations of IR_PHA_R whose ATC code starts with <paramref name="atcPrefix"/>.</summary>
    public ImmutableArray<Drug> DrugsFor(string atcPrefix) => _drugs[atcPrefix];

    internal int Specialist(int territory, int specialty, ref SynthRandom rng)
    {
        var pool = SpecialistsByTerritory[territory][Specialties.IndexOf(specialty)];
        return pool[rng.Next(pool.Length)];
    }

    private static int[] AddPros(List<Professional> pros, int territory, string dept, int specialty, int nature, int count)
    {
        var ids = new int[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = pros.Count;
            // PFS numbers (9 characters, the schema's minimum): 2 characters of département, a category digit,
            // a 5-digit sequence and a check digit.
            var category = nature == 50 ? 2 : nature == 24 ? 6 : specialty == 38 ? 9 : 1;
            var id = string.Create(CultureInfo.InvariantCulture, $"{dept[1..]}{category}{pros.Count % 100000:D5}");
            pros.Add(new Professional(id + LuhnKey.Of(id), territory, specialty, nature));
        }

        return ids;
    }

    private static int[] AddEstablishments(List<Establishment> list, int territory, string dept, bool isPublic, int count)
    {
        var ids = new int[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = list.Count;
            // FINESS without its key (ETB_EXE_FIN, 8 characters): 2 characters of département, 0 for public
            // hospitals or 1 for clinics, a 5-digit sequence. ETA_NUM is the full FINESS: those 8 and the key.
            var finess = string.Create(CultureInfo.InvariantCulture, $"{dept[1..]}{(isPublic ? 0 : 1)}{list.Count % 100000:D5}");
            var name = isPublic ? $"CENTRE HOSPITALIER {dept}-{i + 1}" : $"CLINIQUE {dept}-{i + 1}";
            list.Add(new Establishment(finess, finess + LuhnKey.Of(finess), territory, isPublic, name, 1.0));
        }

        return ids;
    }

    private static Dictionary<string, List<string>> ReadCommunes()
    {
        // IR_GEO_V is keyed by (département, commune): read the embedded file directly, valid rows only.
        using var stream = typeof(NomenclatureSet).Assembly.GetManifestResourceStream("OpenChronic.Snds.Nomenclatures.IR_GEO_V.csv")
            ?? throw new InvalidOperationException("IR_GEO_V is not embedded in OpenChronic.Domain.");
        using var reader = new StreamReader(stream);
        _ = reader.ReadLine();
        var byDept = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var v = line.Split(';');
            if (v.Length < 6 || v[^1] != "0" || v[1].Length != 3)
            {
                continue;
            }

            if (!byDept.TryGetValue(v[0], out var list))
            {
                byDept[v[0]] = list = [];
            }

            list.Add(v[1]);
        }

        foreach (var list in byDept.Values)
        {
            list.Sort(StringComparer.Ordinal);
        }

        return byDept;
    }

    private static IEnumerable<double> Cumulate(IEnumerable<double> weights)
    {
        var sum = 0.0;
        foreach (var w in weights)
        {
            sum += w;
            yield return sum;
        }
    }
}
