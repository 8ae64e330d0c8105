using OpenChronic.Domain.Pathways;
using OpenChronic.Ingestion.Build;

namespace OpenChronic.Ingestion.Tests.Build;

[Collection(BuildCollection.Name)]
public sealed class UnitReaderTests(BuildFixture fixture)
{
    private IEnumerable<UnitOutput> Dcir => fixture.Outputs.Where(o => o.UnitId.StartsWith("DCIR:", StringComparison.Ordinal));

    private IEnumerable<UnitOutput> Pmsi => fixture.Outputs.Where(o => o.UnitId.StartsWith("PMSI:", StringComparison.Ordinal));

    [Fact]
    public void Plan_GeneratedExtract_HasReferentialMonthAndYearUnits()
    {
        var ids = fixture.Units.Select(u => u.Id).ToList();
        Assert.Contains("IR_BEN_R", ids);
        Assert.Contains("IR_IMB_R", ids);
        // Claims of a care month are made available from the next month on: flux months start in February.
        Assert.Contains("DCIR:2019-02", ids);
        Assert.DoesNotContain("DCIR:2019-01", ids);
        Assert.Contains("DCIR:2020-12", ids);
        Assert.Contains("PMSI:2019", ids);
        Assert.Contains("PMSI:2020", ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(fixture.Units.Where(u => u.Kind == WorkUnitKind.Dcir),
            u => Assert.Contains(u.Files, f => f.Name.Table.Name == "ER_PRS_F"));
        Assert.All(fixture.Units.Where(u => u.Kind == WorkUnitKind.Pmsi),
            u => Assert.Equal(["A", "B", "C", "D", "E"], u.Files.Select(f => f.TableLabel[^1..]).Order()));
    }

    [Fact]
    public void Read_EveryTable_SourceEqualsKeptPlusFilteredPlusRejected()
    {
        foreach (var output in fixture.Outputs)
        {
            foreach (var (table, c) in output.Tables)
            {
                Assert.True(c.Source == c.Kept + c.FilteredTotal + c.Rejected, $"{output.UnitId} {table}: {c}");
            }

            Assert.Equal(output.Tables.Values.Sum(t => t.Rejected), output.Rejects.Count);
        }
    }

    [Fact]
    public void Read_Dcir_EventsMatchKeptDetailLines()
    {
        long Kept(string table) => Dcir.Sum(o => o.Tables.TryGetValue(table, out var c) ? c.Kept : 0);
        long Events(CareEventKind kind) => Dcir.Sum(o => o.CountEvents(kind));

        Assert.Equal(Kept("ER_PHA_F"), Events(CareEventKind.Dispensation));
        Assert.Equal(Kept("ER_BIO_F"), Events(CareEventKind.Biology));
        Assert.Equal(Kept("ER_CAM_F"), Events(CareEventKind.Act));
        Assert.InRange(Events(CareEventKind.Consultation), 1, Kept("ER_PRS_F"));
        Assert.True(Events(CareEventKind.Dispensation) > 0);
    }

    [Fact]
    public void Read_Dcir_EveryPersonResolves()
    {
        Assert.DoesNotContain(fixture.Outputs.SelectMany(o => o.Rejects), r => r.Reason.StartsWith("unknown person", StringComparison.Ordinal));
        // PMSI has no twin rank and this generator writes no RNG_BEN: the stays of same-sex twins born the same year
        // cannot be attributed. They are set aside under their own reason (B, C, D and A lines alike), never rejected.
        Assert.DoesNotContain(fixture.Outputs.SelectMany(o => o.Rejects), r => r.Reason.Contains("twin", StringComparison.Ordinal));
        long Ambiguous(char table) => Pmsi.Sum(o => o.Tables.Where(t => t.Key.EndsWith(table))
            .Sum(t => t.Value.Filtered.Where(f => f.Key.StartsWith("ambiguous twin link", StringComparison.Ordinal)).Sum(f => f.Value)));
        var links = Pmsi.Sum(o => o.Tables.Where(t => t.Key.EndsWith('C')).Sum(t => t.Value.Source));
        Assert.InRange(Ambiguous('C'), 0, links / 100);
        Assert.Equal(Ambiguous('C'), Ambiguous('B'));
        Assert.Equal(BuildFixture.Persons, fixture.People.Count);
    }

    [Fact]
    public void UsedColumns_EveryColumn_IsAColumnOfItsTable()
    {
        // A misspelt name would be dropped from the projection and its column silently read as absent.
        foreach (var (table, columns) in UnitReader.UsedColumns)
        {
            Assert.True(OpenChronic.Domain.Snds.SndsCatalogue.Default.TryGetTable(table, out var t), table);
            Assert.All(columns, c => Assert.True(t.TryGetColumn(c, out _), $"{table}.{c}"));
        }
    }

    [Fact]
    public void Read_StandardFilters_MatchTheDefectLog()
    {
        long Filtered(IEnumerable<UnitOutput> outputs, string tablePrefix, string reasonPrefix) => outputs
            .SelectMany(o => o.Tables.Where(t => t.Key.StartsWith(tablePrefix, StringComparison.Ordinal)))
            .SelectMany(t => t.Value.Filtered)
            .Where(f => f.Key.StartsWith(reasonPrefix, StringComparison.Ordinal))
            .Sum(f => f.Value);

        Assert.True(fixture.DefectCount("information_line") > 0);
        Assert.Equal(fixture.DefectCount("information_line"), Filtered(Dcir, "ER_PRS_F", "information line"));
        // A public-hospital line that also carries a malformed care date is rejected first (it is in the rejects).
        var outOfRange = fixture.DefectCount("out_of_range");
        Assert.InRange(fixture.DefectCount("public_hospital_duplicate") - Filtered(Dcir, "ER_ETE_F", "public hospital"), 0, outOfRange);
        Assert.InRange(fixture.DefectCount("public_hospital_duplicate") - Filtered(Dcir, "ER_PRS_F", "public hospital"), 0, outOfRange);
        Assert.True(Filtered(Dcir, "ER_PRS_F", "public hospital") > 0);
        Assert.Equal(fixture.DefectCount("error_ghm"), Pmsi.Sum(o => o.Tables.Where(t => t.Key.EndsWith('B')).Sum(t => t.Value.Filtered.GetValueOrDefault("GHM in error (GRG_GHM 90*)"))));
        Assert.Equal(fixture.DefectCount("quality_flag"), Pmsi.Sum(o => o.Tables.Where(t => t.Key.EndsWith('C')).Sum(t => t.Value.Filtered.GetValueOrDefault("quality flag (T_MCOaaC *_RET ≠ 0)"))));
    }

    [Fact]
    public void Read_MalformedRows_EndInTheRejects()
    {
        var rejects = fixture.Outputs.SelectMany(o => o.Rejects).ToList();
        Assert.Equal(fixture.DefectCount("orphan_detail"), rejects.Count(r => r.Reason.StartsWith("orphan detail", StringComparison.Ordinal)));
        Assert.Equal(fixture.DefectCount("duplicate_key"), rejects.Count(r => r.Reason.StartsWith("duplicate DCIR key", StringComparison.Ordinal)));
        Assert.Equal(fixture.DefectCount("out_of_range"), rejects.Count(r => r.Reason == "care date more than a year after the flux date"));
        Assert.All(rejects, r => Assert.Null(r.Value));
    }

    [Fact]
    public void Read_SameUnitTwice_GivesIdenticalOutputs()
    {
        var unit = fixture.Units.First(u => u.Kind == WorkUnitKind.Dcir);
        var first = fixture.Reader.Read(unit, TestContext.Current.CancellationToken);
        var second = fixture.Reader.Read(unit, TestContext.Current.CancellationToken);
        Assert.Equal(first.Persons.Select(p => p.Person), second.Persons.Select(p => p.Person));
        Assert.All(first.Persons.Zip(second.Persons), p => Assert.Equal(p.First.Events, p.Second.Events));
        Assert.Equal(first.Tables.Keys, second.Tables.Keys);
        Assert.All(first.Tables, t => Assert.Equal(t.Value.Source, second.Tables[t.Key].Source));
        Assert.Equal(first.Rejects, second.Rejects);
        Assert.All(first.Persons, p => Assert.True(p.Events.AsSpan().SequenceCompareTo(p.Events.Order().ToArray()) == 0));
    }

    [Fact]
    public void Read_ReaderReusedOverEveryUnit_MatchesAFreshReader()
    {
        // The fixture's reader read every unit in turn with the same working buffers; a fresh reader must agree.
        var fresh = new UnitReader(fixture.People);
        foreach (var (unit, reused) in fixture.Units.Zip(fixture.Outputs).Where(u => u.First.Kind is WorkUnitKind.Dcir or WorkUnitKind.Pmsi))
        {
            var output = fresh.Read(unit, TestContext.Current.CancellationToken);
            Assert.Equal(reused.Persons.Select(p => (p.Person, p.DeclaredGp, p.DeclaredDay)), output.Persons.Select(p => (p.Person, p.DeclaredGp, p.DeclaredDay)));
            Assert.All(reused.Persons.Zip(output.Persons), p => Assert.Equal(p.First.Events, p.Second.Events));
            Assert.Equal(reused.Rejects, output.Rejects);
            Assert.Equal(reused.Tables.Keys, output.Tables.Keys);
            Assert.All(reused.Tables, t => Assert.Equal(
                (t.Value.Source, t.Value.Kept, t.Value.Rejected, string.Join(';', t.Value.Filtered)),
                (output.Tables[t.Key].Source, output.Tables[t.Key].Kept, output.Tables[t.Key].Rejected, string.Join(';', output.Tables[t.Key].Filtered))));
        }
    }
}
