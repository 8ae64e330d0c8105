using System.Text;
using OpenChronic.Analytics.Variability.Indicators;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Tests.Variability;

public sealed class IndicatorCatalogueTests
{
    private static IndicatorCatalogue Parse(string json) => IndicatorCatalogue.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Default_HoldsTheGeneratorsPlantedIndicators_AndTheirUnits()
    {
        var catalogue = IndicatorCatalogue.Default;
        Assert.Equal(6, catalogue.Indicators.Length);
        var hba1c = catalogue.Find("hba1c_monitoring_rate")!;
        Assert.Equal(IndicatorIndex.Patient, hba1c.Index);
        Assert.Equal(2, hba1c.Outcome.MinDistinctDays);
        Assert.Equal(CareEventKind.Biology, Assert.Single(hba1c.Outcome.AnyOf).Kind);
        Assert.Equal([UnitLevel.Departement, UnitLevel.Gp], hba1c.Units);
        var readmission = catalogue.Find("readmission_30d_after_hf")!;
        Assert.Equal((1, 30), (readmission.Outcome.FromDay, readmission.Outcome.ToDay));
        Assert.Contains(UnitLevel.Establishment, readmission.Units);
        Assert.Equal(7, catalogue.Find("gp_visit_7d_after_hf_discharge")!.Outcome.ToDay);
        Assert.Null(catalogue.Find("nope"));
    }

    [Fact]
    public void Parse_PatientIndicatorByEstablishment_NamesThePath()
    {
        var e = Assert.Throws<InvalidDataException>(() => Parse("""
            { "indicators": [ { "id": "x", "index": "patient", "population": { "conditions": ["diabetes"] },
              "outcome": { "anyOf": [ { "kind": "biology", "codes": ["1577"] } ] }, "units": ["establishment"] } ] }
            """));
        Assert.Contains("$.indicators[0].units", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKindAndBadWindow_AreLocated()
    {
        var kind = Assert.Throws<InvalidDataException>(() => Parse("""
            { "indicators": [ { "id": "x", "index": "stay", "population": {}, "outcome": { "anyOf": [ { "kind": "x-ray" } ], "to": 3 }, "units": ["gp"] } ] }
            """));
        Assert.Contains("$.indicators[0].outcome.anyOf[0].kind", kind.Message, StringComparison.Ordinal);
        var window = Assert.Throws<InvalidDataException>(() => Parse("""
            { "indicators": [ { "id": "x", "index": "stay", "population": {}, "outcome": { "anyOf": [ { "kind": "act" } ], "from": 5, "to": 3 }, "units": ["gp"] } ] }
            """));
        Assert.Contains("$.indicators[0].outcome", window.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => Parse("{ not json"));
    }

    [Fact]
    public void LevelNames_RoundTrip()
    {
        foreach (var level in Enum.GetValues<UnitLevel>())
        {
            Assert.True(IndicatorCatalogue.TryParseLevel(IndicatorCatalogue.LevelName(level), out var back));
            Assert.Equal(level, back);
        }

        Assert.False(IndicatorCatalogue.TryParseLevel("region", out _));
    }
}
