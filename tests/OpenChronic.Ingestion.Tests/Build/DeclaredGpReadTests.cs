using OpenChronic.Domain.Pathways;

namespace OpenChronic.Ingestion.Tests.Build;

/// <summary>PRS_MTT_NUM read by the DCIR unit reader: the most recent declared GP per person, packed like PFS_EXE_NUM.</summary>
[Collection(BuildCollection.Name)]
public sealed class DeclaredGpReadTests(BuildFixture fixture)
{
    [Fact]
    public void Read_Dcir_DeclaredGpIsTheGpSeen_WhenThe9CharacterNumbersNameTheSamePerson()
    {
        var declared = new Dictionary<int, ulong>();
        var seen = new Dictionary<int, Dictionary<ulong, int>>();
        foreach (var output in fixture.Outputs.Where(o => o.UnitId.StartsWith("DCIR:", StringComparison.Ordinal)))
        {
            foreach (var p in output.Persons)
            {
                if (p.DeclaredGp != 0)
                {
                    declared[p.Person] = p.DeclaredGp;
                }

                foreach (var e in p.Events.Where(e => e.Kind == CareEventKind.Consultation && HospitalEpisodeBuilder.IsGeneralPractitioner(e.Specialty)))
                {
                    var counts = seen.TryGetValue(p.Person, out var c) ? c : seen[p.Person] = [];
                    counts[e.Detail] = counts.GetValueOrDefault(e.Detail) + 1;
                }
            }
        }

        // Most adults have declared (90 %); the number is kept as the 8 characters without the check key.
        Assert.InRange(declared.Count, BuildFixture.Persons / 2, BuildFixture.Persons);
        Assert.All(declared.Values, gp => Assert.Equal(8, PackedCode.Unpack(gp).Length));

        // The planted continuity is at least 0.45: with 5 GP visits or more the declared GP is nearly always the most
        // seen, so the declared and the executing numbers must compare equal for it.
        var regular = seen.Where(s => declared.ContainsKey(s.Key) && s.Value.Values.Sum() >= 5).ToList();
        var mostSeen = regular.Count(s => s.Value.MaxBy(v => v.Value).Key == declared[s.Key]);
        var ever = regular.Count(s => s.Value.ContainsKey(declared[s.Key]));
        Assert.True(regular.Count >= 100, $"{regular.Count} persons with 5 GP visits");
        Assert.True(ever >= 0.99 * regular.Count, $"declared GP seen for {ever} of {regular.Count}");
        Assert.True(mostSeen >= 0.8 * regular.Count, $"declared GP most seen for {mostSeen} of {regular.Count}");
    }
}
