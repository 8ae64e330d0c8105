using System.Globalization;
using System.Text;
using Apache.Arrow;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Client.Commands;

/// <summary>
/// Generated ER_PRS_F claim lines with the columns pathway building reads, seeded and with realistic cardinalities:
/// one patient pseudonym (17 characters) per ten lines (with its rank, a text key), care dates over three years, specialties from IR_SPE_V,
/// natures from IR_NAT_V, about 200,000 practitioners and amounts in euros and cents.
/// </summary>
internal static class BenchIoData
{
    public static readonly string[] Columns =
    [
        "BEN_NIR_PSA", "BEN_RNG_GEM", "EXE_SOI_DTD", "EXE_SOI_DTF", "FLX_DIS_DTD", "PRS_NAT_REF", "BSE_PRS_NAT",
        "PSE_SPE_COD", "PSE_ACT_NAT", "PFS_EXE_NUM", "PRS_ACT_QTE", "DPN_QLF", "PRS_DPN_QLP", "CPL_MAJ_TOP", "EXO_MTF",
        "BSE_REM_MNT", "DCT_ORD_NUM", "FLX_EMT_NUM", "FLX_EMT_ORD", "FLX_EMT_TYP", "FLX_TRT_DTD", "ORG_CLE_NUM",
        "PRS_ORD_NUM", "REM_TYP_AFF",
    ];

    private const int BatchRows = 1 << 20;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Writes <paramref name="rows"/> lines to a Parquet file, reporting progress in rows.</summary>
    public static void Write(string path, int rows, int seed, Action<int> progress)
    {
        var table = SndsCatalogue.Default["ER_PRS_F"];
        var schema = SndsArrowSchema.For(table, Columns);
        var random = new Random(seed);
        var patients = Pool(Math.Max(1, rows / 10), 17, random);
        var practitioners = Pool(200_000, 9, random);
        var organisations = Pool(120, 9, random);
        var specialties = Codes("IR_SPE_V");
        var natures = Codes("IR_NAT_V");
        var acts = Codes("IR_ACT_V");
        var dependencies = Codes("IR_DEP_V");
        var exonerations = Codes("IR_EXO_V");
        var small = Enumerable.Range(0, 1000).Select(i => Encoding.ASCII.GetBytes(i.ToString(CultureInfo.InvariantCulture))).ToArray();
        var firstDay = new DateOnly(2019, 1, 1).DayNumber - SndsDatesEpoch;

        using var writer = SndsTableWriter.Create(path, schema, SndsFileFormat.Parquet);
        for (var start = 0; start < rows; start += BatchRows)
        {
            var n = Math.Min(BatchRows, rows - start);
            var c = new BatchBuilders(n);
            for (var i = 0; i < n; i++)
            {
                var day = firstDay + random.Next(3 * 365);
                var flux = FirstOfNextMonth(day) + random.Next(0, 3) * 30;
                var nature = natures[random.Next(natures.Length)];
                c.Nir.Append(patients[random.Next(patients.Length)]);
                c.Rank.Append(small[random.Next(10) == 0 ? 2 : 1]);
                c.Start.Append(Date(day));
                c.End.Append(Date(day + (random.Next(10) == 0 ? random.Next(1, 30) : 0)));
                c.Flux.Append(Date(flux));
                c.Nature.Append(nature);
                c.BaseNature.Append(nature);
                c.Specialty.Append(specialties[random.Next(specialties.Length)]);
                c.Act.Append(acts[random.Next(acts.Length)]);
                c.Practitioner.Append(practitioners[random.Next(practitioners.Length)]);
                c.Quantity.Append(random.Next(20) == 0 ? random.Next(2, 30) : 1);
                c.Dependency.Append(dependencies[random.Next(dependencies.Length)]);
                c.DependencyPrs.Append(dependencies[random.Next(dependencies.Length)]);
                c.Top.Append(random.Next(3));
                c.Exoneration.Append(exonerations[random.Next(exonerations.Length)]);
                c.Amount.Append(Math.Round(random.NextDouble() * 200, 2));
                c.Order.Append(Encoding.ASCII.GetBytes((start + i).ToString("D9", CultureInfo.InvariantCulture)));
                c.Emitter.Append(small[random.Next(1, 30)]);
                c.EmitterOrder.Append(small[random.Next(1000)]);
                c.EmitterType.Append(small[random.Next(1, 8)]);
                c.Treatment.Append(Date(flux - random.Next(0, 20)));
                c.Organisation.Append(organisations[random.Next(organisations.Length)]);
                c.PrsOrder.Append(small[random.Next(0, 20)]);
                c.Affiliation.Append(small[random.Next(0, 5)]);
            }

            using var batch = c.Build(schema);
            writer.Write(batch);
            progress(start + n);
        }
    }

    private const int SndsDatesEpoch = 719_162;

    private static DateOnly Date(int days) => DateOnly.FromDayNumber(days + SndsDatesEpoch);

    private static int FirstOfNextMonth(int days)
    {
        var date = DateOnly.FromDayNumber(days + SndsDatesEpoch);
        return new DateOnly(date.Year, date.Month, 1).AddMonths(1).DayNumber - SndsDatesEpoch;
    }

    private static byte[][] Pool(int count, int length, Random random)
    {
        var pool = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            var value = new byte[length];
            for (var j = 0; j < length; j++)
            {
                value[j] = (byte)Alphabet[random.Next(Alphabet.Length)];
            }

            pool[i] = value;
        }

        return pool;
    }

    private static long[] Codes(string nomenclature) =>
    [
        .. NomenclatureSet.Default.Get(nomenclature).Codes
            .Select(code => long.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1)
            .Where(v => v >= 0)
            .Distinct()
            .Order(),
    ];

    /// <summary>Builders of one batch, in the order of <see cref="BenchIoData.Columns"/>.</summary>
    private sealed class BatchBuilders(int capacity)
    {
        public StringArray.Builder Nir { get; } = new StringArray.Builder().Reserve(capacity);
        public StringArray.Builder Rank { get; } = new StringArray.Builder().Reserve(capacity);
        public Date32Array.Builder Start { get; } = new Date32Array.Builder().Reserve(capacity);
        public Date32Array.Builder End { get; } = new Date32Array.Builder().Reserve(capacity);
        public Date32Array.Builder Flux { get; } = new Date32Array.Builder().Reserve(capacity);
        public Int64Array.Builder Nature { get; } = new Int64Array.Builder().Reserve(capacity);
        public Int64Array.Builder BaseNature { get; } = new Int64Array.Builder().Reserve(capacity);
        public Int64Array.Builder Specialty { get; } = new Int64Array.Builder().Reserve(capacity);
        public Int64Array.Builder Act { get; } = new Int64Array.Builder().Reserve(capacity);
        public StringArray.Builder Practitioner { get; } = new StringArray.Builder().Reserve(capacity);
        public DoubleArray.Builder Quantity { get; } = new DoubleArray.Builder().Reserve(capacity);
        public Int64Array.Builder Dependency { get; } = new Int64Array.Builder().Reserve(capacity);
        public Int64Array.Builder DependencyPrs { get; } = new Int64Array.Builder().Reserve(capacity);
        public Int64Array.Builder Top { get; } = new Int64Array.Builder().Reserve(capacity);
        public Int64Array.Builder Exoneration { get; } = new Int64Array.Builder().Reserve(capacity);
        public DoubleArray.Builder Amount { get; } = new DoubleArray.Builder().Reserve(capacity);
        public StringArray.Builder Order { get; } = new StringArray.Builder().Reserve(capacity);
        public StringArray.Builder Emitter { get; } = new StringArray.Builder().Reserve(capacity);
        public StringArray.Builder EmitterOrder { get; } = new StringArray.Builder().Reserve(capacity);
        public StringArray.Builder EmitterType { get; } = new StringArray.Builder().Reserve(capacity);
        public Date32Array.Builder Treatment { get; } = new Date32Array.Builder().Reserve(capacity);
        public StringArray.Builder Organisation { get; } = new StringArray.Builder().Reserve(capacity);
        public StringArray.Builder PrsOrder { get; } = new StringArray.Builder().Reserve(capacity);
        public StringArray.Builder Affiliation { get; } = new StringArray.Builder().Reserve(capacity);

        public RecordBatch Build(Schema schema) => new(schema,
        [
            Nir.Build(), Rank.Build(), Start.Build(), End.Build(), Flux.Build(), Nature.Build(), BaseNature.Build(),
            Specialty.Build(), Act.Build(), Practitioner.Build(), Quantity.Build(), Dependency.Build(), DependencyPrs.Build(),
            Top.Build(), Exoneration.Build(), Amount.Build(), Order.Build(), Emitter.Build(), EmitterOrder.Build(),
            EmitterType.Build(), Treatment.Build(), Organisation.Build(), PrsOrder.Build(), Affiliation.Build(),
        ], Nir.Length);
    }
}
