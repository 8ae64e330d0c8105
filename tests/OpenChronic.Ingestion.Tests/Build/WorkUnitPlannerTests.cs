using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Build;
using OpenChronic.Ingestion.Tables;
using OpenChronic.Ingestion.Validation;

namespace OpenChronic.Ingestion.Tests.Build;

public sealed class WorkUnitPlannerTests
{
    [Fact]
    public void Plan_NamedFiles_GroupsByMonthYearAndReferential()
    {
        var inventory = Inventory(
            "ER_PRS_F_201903.parquet", "ER_PHA_F_201903.parquet", "ER_PRS_F_201904.parquet", "ER_PRS_F.parquet", "ER_ETE_F.parquet",
            "T_MCO20B.parquet", "T_MCO20C.parquet", "IR_BEN_R.parquet", "IR_IMB_R.parquet", "KI_CCI_R.parquet", "KI_ECD_R.parquet", "IR_PHA_R.parquet");

        var units = WorkUnitPlanner.Plan(inventory);

        Assert.Equal(["IR_BEN_R", "IR_IMB_R", "KI", "DCIR:2019-03", "DCIR:2019-04", WorkUnitPlanner.UndatedDcirId, "PMSI:2020"], units.Select(u => u.Id));
        Assert.Equal(2, units.Single(u => u.Id == "DCIR:2019-03").Files.Length);
        Assert.Equal(2, units.Single(u => u.Id == WorkUnitPlanner.UndatedDcirId).Files.Length);
        Assert.Equal(2, units.Single(u => u.Id == "KI").Files.Length);
        Assert.Equal(WorkUnitKind.Pmsi, units.Single(u => u.Id == "PMSI:2020").Kind);
    }

    [Fact]
    public void RejectsWriter_AppendsRowsWithoutValues()
    {
        var path = Path.Combine(Path.GetTempPath(), "openchronic-rejects-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            using (var writer = new RejectsWriter(path))
            {
                writer.Append("DCIR:2019-03", [new RejectedRow("ER_PRS_F_201903.csv", 7, "BEN_NIR_PSA", "unknown person; masked", "SECRET")]);
            }

            using (var writer = new RejectsWriter(path))
            {
                writer.Append("PMSI:2020", [new RejectedRow("T_MCO20C.csv", 2, null, "orphan", null)]);
            }

            var lines = File.ReadAllLines(path);
            Assert.Equal([RejectsWriter.Header, "DCIR:2019-03;ER_PRS_F_201903.csv;7;BEN_NIR_PSA;\"unknown person; masked\"", "PMSI:2020;T_MCO20C.csv;2;;orphan"], lines);
            Assert.DoesNotContain("SECRET", File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static ExtractInventory Inventory(params string[] names) =>
        new([.. names.Select(n => new ExtractFile("/x/" + n, n, SndsFileName.TryParse(n, SndsCatalogue.Default)!, SndsFileFormat.Parquet))], []);
}
