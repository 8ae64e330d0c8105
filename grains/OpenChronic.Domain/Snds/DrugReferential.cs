using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace OpenChronic.Domain.Snds;

/// <summary>One drug presentation of IR_PHA_R.</summary>
/// <param name="Cip13">13-digit CIP code (<c>PHA_CIP_C13</c>, matched by <c>ER_PHA_F.PHA_PRS_C13</c>).</param>
/// <param name="Cip7">7-digit CIP code (<c>PHA_PRS_IDE</c>).</param>
/// <param name="Atc7">ATC level 5 code, 7 characters (<c>PHA_ATC_C07</c>).</param>
/// <param name="Name">Product name (<c>PHA_MED_NOM</c>).</param>
/// <param name="Ingredient">Active ingredient (<c>PHA_NOM_PA</c>).</param>
/// <param name="LargePack">True for a large pack (<c>PHA_CND_TOP</c> = GC), about three months of treatment.</param>
/// <param name="Units">Units per pack (<c>PHA_UNT_NBR_DSES</c>), 0 when unknown.</param>
public sealed record Drug(long Cip13, long Cip7, string Atc7, string Name, string Ingredient, bool LargePack, int Units);

/// <summary>
/// The CIP13 → ATC drug referential (IR_PHA_R, 23,126 presentations, embedded; see
/// <c>Snds/Referentials/SOURCE.md</c>).
/// </summary>
public sealed class DrugReferential
{
    private static readonly Lazy<DrugReferential> s_default = new(LoadEmbedded);
    private readonly FrozenDictionary<long, Drug> _byCip13;

    public DrugReferential(IEnumerable<Drug> drugs)
    {
        ArgumentNullException.ThrowIfNull(drugs);
        Drugs = [.. drugs.OrderBy(d => d.Cip13)];
        _byCip13 = Drugs.ToFrozenDictionary(d => d.Cip13);
    }

    public static DrugReferential Default => s_default.Value;

    /// <summary>All presentations, sorted by CIP13.</summary>
    public ImmutableArray<Drug> Drugs { get; }

    public bool TryGet(long cip13, out Drug drug) => _byCip13.TryGetValue(cip13, out drug!);

    /// <summary>Presentations whose ATC code starts with <paramref name="atcPrefix"/> (e.g. <c>A10B</c>), sorted by CIP13.</summary>
    public ImmutableArray<Drug> WithAtcPrefix(string atcPrefix) =>
        [.. Drugs.Where(d => d.Atc7.StartsWith(atcPrefix, StringComparison.Ordinal))];

    /// <summary>Reads IR_PHA_R from a <c>;</c>-separated CSV with a header naming the columns.</summary>
    public static DrugReferential Parse(Stream csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var reader = new StreamReader(csv, System.Text.Encoding.UTF8);
        var header = (reader.ReadLine() ?? throw new InvalidDataException("IR_PHA_R: empty file.")).Split(';');
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0
            ? i
            : throw new InvalidDataException($"IR_PHA_R: no column {name}.");
        int cip13 = Col("PHA_CIP_C13"), cip7 = Col("PHA_PRS_IDE"), atc = Col("PHA_ATC_C07"), name = Col("PHA_MED_NOM"),
            ingredient = Col("PHA_NOM_PA"), pack = Col("PHA_CND_TOP"), units = Col("PHA_UNT_NBR_DSES");
        var drugs = new List<Drug>();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var v = text.Split(';');
            if (v.Length < header.Length ||
                !long.TryParse(v[cip13], NumberStyles.None, CultureInfo.InvariantCulture, out var c13))
            {
                throw new InvalidDataException($"IR_PHA_R line {line}: malformed row.");
            }

            _ = long.TryParse(v[cip7], NumberStyles.None, CultureInfo.InvariantCulture, out var c7);
            _ = int.TryParse(v[units], NumberStyles.None, CultureInfo.InvariantCulture, out var u);
            drugs.Add(new Drug(c13, c7, v[atc], v[name], v[ingredient], v[pack] == "GC", u));
        }

        return new DrugReferential(drugs);
    }

    private static DrugReferential LoadEmbedded()
    {
        using var stream = typeof(DrugReferential).Assembly
            .GetManifestResourceStream("OpenChronic.Snds.Referentials.IR_PHA_R.csv")!;
        return Parse(stream);
    }
}
