using System.Text;
using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Tests.Privacy.Anonymity;

public sealed class HierarchyTests
{
    [Fact]
    public void Parse_AdultAge_HasFiveLevelsAndGeneralizes()
    {
        var age = AdultData.Hierarchy("age");

        Assert.Equal(5, age.Levels);
        Assert.Equal("35-39", age.Generalize("39", 1));
        Assert.Equal("20-39", age.Generalize("39", 3));
        Assert.Equal("*", age.Generalize("39", 4));
        Assert.Null(age.Generalize("not an age", 1));
    }

    [Fact]
    public void Parse_InconsistentParent_ReportsRowAndColumn()
    {
        var csv = "a;A;*\nb;A;*\nc;B;*\nd;A;X\n";

        var result = GeneralizationHierarchy.Parse(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "h.csv");

        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("h.csv", 4, 3), (error.Source, error.Row, error.Column));
    }

    [Fact]
    public void Parse_RaggedOrDuplicateRows_AreReportedNotThrown()
    {
        var csv = "a;A;*\nb;*\na;A;*\n";

        var result = GeneralizationHierarchy.Parse(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "h.csv");

        Assert.Equal([2, 3], result.Errors.Select(e => e.Row));
    }

    [Fact]
    public void Geography_CommuneToRegionFromIrDptV()
    {
        var result = HierarchyBuilders.Geography(["75056", "13055", "2A004", "97411"]);

        var h = result.Hierarchy!;
        Assert.Equal("075", h.Generalize("75056", 1));
        Assert.Equal("R11", h.Generalize("75056", 2));
        Assert.Equal("R93", h.Generalize("13055", 2));
        Assert.Equal("02A", h.Generalize("2A004", 1));
        Assert.Equal("R94", h.Generalize("2A004", 2));
        Assert.Equal("974", h.Generalize("97411", 1));
        Assert.Equal("France", h.Generalize("97411", 3));
        Assert.Equal("*", h.Generalize("97411", 4));
    }

    [Fact]
    public void Geography_UnknownDepartement_IsAnError()
    {
        var result = HierarchyBuilders.Geography(["75056", "96001"]);

        Assert.False(result.Success);
        Assert.Equal(2, Assert.Single(result.Errors).Row);
    }

    [Fact]
    public void Dates_DayMonthQuarterYear()
    {
        var h = HierarchyBuilders.Dates(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));

        Assert.Equal(366, h.LeafCount);
        Assert.Equal("2024-08", h.Generalize("2024-08-15", 1));
        Assert.Equal("2024-Q3", h.Generalize("2024-08-15", 2));
        Assert.Equal("2024", h.Generalize("2024-08-15", 3));
        Assert.Equal(4, h.Cardinality(2));
    }

    [Fact]
    public void Icd10_CodeCategoryBlockChapter()
    {
        var h = HierarchyBuilders.Icd10(["E119", "E110", "I10", "C509", "D489", "Z992"]).Hierarchy!;

        Assert.Equal("E11", h.Generalize("E119", 1));
        Assert.Equal("E10-E14", h.Generalize("E119", 2));
        Assert.Equal("IV E00-E90", h.Generalize("E119", 3));
        Assert.Equal("I10-I15", h.Generalize("I10", 2));
        Assert.Equal("II C00-D48", h.Generalize("D489", 3));
        Assert.Equal("Z80-Z99", h.Generalize("Z992", 2));
    }

    [Fact]
    public void Atc_SevenFiveFourThreeOne()
    {
        var h = HierarchyBuilders.Atc(["A10BA02", "A10BB01", "C09AA05"]).Hierarchy!;

        Assert.Equal(["A10BA", "A10B", "A10", "A", "*"], Enumerable.Range(1, 5).Select(l => h.Generalize("A10BA02", l)));
        Assert.Equal(2, h.Cardinality(4));
        Assert.False(HierarchyBuilders.Atc(["A10"]).Success);
    }

    [Fact]
    public void AgeAndEstablishment_Builders()
    {
        var age = HierarchyBuilders.Age(99);
        var establishments = HierarchyBuilders.Establishments(new Dictionary<string, string> { ["750000001"] = "CHU", ["130000002"] = "CH" }).Hierarchy!;

        Assert.Equal(["65-69", "60-69", "60-79", "*"], Enumerable.Range(1, 4).Select(l => age.Generalize("67", l)));
        Assert.Equal("CHU", establishments.Generalize("750000001", 1));
    }

    [Fact]
    public void TableParse_UnknownValueWrongFieldsDuplicatePerson_AreRejectedWithLines()
    {
        var columns = new[] { new QuasiIdentifier("sex", AdultData.Hierarchy("sex")) };
        var csv = "id;sex;dx\np1;Male;a\np2;Alien;b\np3;Female\np1;Female;c\np4;Female;d\n";

        var result = QuasiIdentifierTable.Parse(new MemoryStream(Encoding.UTF8.GetBytes(csv)), columns, "dx", "id", source: "t.csv");

        Assert.Equal([3, 4, 5], result.Rejects.Select(r => r.Line));
        Assert.Equal("sex", result.Rejects[0].Column);
        Assert.Equal(2, result.Table!.RowCount);
        Assert.Equal(["a", "d"], result.Table.SensitiveValues);
    }

    [Fact]
    public void TableParse_MissingColumn_NoTable()
    {
        var columns = new[] { new QuasiIdentifier("sex", AdultData.Hierarchy("sex")) };

        var result = QuasiIdentifierTable.Parse(new MemoryStream(Encoding.UTF8.GetBytes("a;b\n1;2\n")), columns);

        Assert.Null(result.Table);
        Assert.Equal("sex", Assert.Single(result.Rejects).Column);
    }
}
