using System.Text;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Build;
using OpenChronic.Ingestion.Tables;
using OpenChronic.Ingestion.Validation;

namespace OpenChronic.Ingestion.Tests.Build;

public sealed class PersonDirectoryTests
{
    [Fact]
    public void Load_TwinsDoubleNirAndFictitious_ResolveAsTheSndsRulesSay()
    {
        var path = Path.Combine(Path.GetTempPath(), "openchronic-ben-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllLines(path,
        [
            "BEN_NIR_PSA;BEN_RNG_GEM;BEN_IDT_ANO;BEN_SEX_COD;BEN_NAI_ANN;BEN_CDI_NIR",
            "NIRTWIN0000000001;1;IDT_A;1;1980;00",
            "NIRTWIN0000000001;2;IDT_B;2;1980;00",
            "NIROLD00000000002;1;IDT_C;1;1950;00",
            "NIRNEW00000000002;1;IDT_C;1;1950;00",
            "NIRFAKE0000000003;1;IDT_D;1;1970;40",
            "NIRSAME0000000004;1;IDT_E;2;1990;00",
            "NIRSAME0000000004;2;IDT_F;2;1990;00",
        ]);
        try
        {
            var file = new ExtractFile(path, "IR_BEN_R.csv", SndsFileName.TryParse("IR_BEN_R.csv", SndsCatalogue.Default)!, SndsFileFormat.Csv);
            var people = PersonDirectory.Load([file]);

            Assert.Equal(5, people.Count);
            Assert.True(people.TryResolveDcir(Ascii("NIRTWIN0000000001"), 1, out var a));
            Assert.True(people.TryResolveDcir(Ascii("NIRTWIN0000000001"), 2, out var b));
            Assert.NotEqual(a, b);
            Assert.True(people.TryResolveDcir(Ascii("NIROLD00000000002"), 1, out var oldNir));
            Assert.True(people.TryResolveDcir(Ascii("NIRNEW00000000002"), 1, out var newNir));
            Assert.Equal(oldNir, newNir);
            Assert.Equal(PersonResolution.Fictitious, people.ResolveDcir(Ascii("NIRFAKE0000000003"), 1, out _));
            Assert.Equal(1, people.Excluded.Values.Sum());

            Assert.Equal(PersonResolution.Resolved, people.ResolvePmsi(Ascii("NIRTWIN0000000001"), null, 2, null, out var bySex));
            Assert.Equal(b, bySex);
            Assert.Equal(PersonResolution.Ambiguous, people.ResolvePmsi(Ascii("NIRSAME0000000004"), null, 2, 1990, out _));
            Assert.Equal(PersonResolution.Resolved, people.ResolvePmsi(Ascii("NIRSAME0000000004"), 2, null, null, out var byRank));
            Assert.True(people.TryResolveIdt(Ascii("IDT_F"), out var f));
            Assert.Equal(f, byRank);
            Assert.Equal(PersonResolution.Dummy, people.ResolvePmsi(Ascii("xxxxxxxxxxxxxxxxx"), null, null, null, out _));
            Assert.Equal(PersonResolution.Dummy, people.ResolvePmsi(Ascii("XXXXXXXXXXXXXXXXD"), null, null, null, out _));
            Assert.Equal(PersonResolution.Unknown, people.ResolvePmsi(Ascii("NIRNONE0000000009"), null, null, null, out _));
            Assert.Equal(1980, people[a].BirthYear);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ResolvePmsi_SameSexTwins_DecidedOnlyByWhatTheStayCarries()
    {
        var path = Path.Combine(Path.GetTempPath(), "openchronic-ben-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllLines(path,
        [
            "BEN_NIR_PSA;BEN_RNG_GEM;BEN_IDT_ANO;BEN_SEX_COD;BEN_NAI_ANN;BEN_CDI_NIR;BEN_DCD_DTE",
            "NIRTWIN0000000001;1;IDT_A;1;1980;00;2020-03-01",
            "NIRTWIN0000000001;2;IDT_B;1;1980;00;",
            "NIRTWIN0000000002;1;IDT_C;2;1970;00;",
            "NIRTWIN0000000002;2;IDT_D;2;1971;00;",
        ]);
        try
        {
            var file = new ExtractFile(path, "IR_BEN_R.csv", SndsFileName.TryParse("IR_BEN_R.csv", SndsCatalogue.Default)!, SndsFileFormat.Csv);
            var people = PersonDirectory.Load([file]);
            Assert.True(people.TryResolveIdt(Ascii("IDT_B"), out var alive));
            var before = new DateOnly(2020, 1, 1).DayNumber;
            var after = new DateOnly(2020, 6, 1).DayNumber;

            // Same sex, same birth year: only death tells them apart, and only after it.
            Assert.Equal(PersonResolution.Ambiguous, people.ResolvePmsi(Ascii("NIRTWIN0000000001"), null, 1, 1980, before, out _));
            Assert.Equal(PersonResolution.Resolved, people.ResolvePmsi(Ascii("NIRTWIN0000000001"), null, 1, 1980, after, out var survivor));
            Assert.Equal(alive, survivor);

            // Birth years two apart would be told apart; one apart stays within the AGE_ANN tolerance (±1).
            Assert.Equal(PersonResolution.Ambiguous, people.ResolvePmsi(Ascii("NIRTWIN0000000002"), null, 2, 1970, after, out _));
            Assert.Equal(PersonResolution.Resolved, people.ResolvePmsi(Ascii("NIRTWIN0000000002"), null, 2, 1972, after, out var younger));
            Assert.True(people.TryResolveIdt(Ascii("IDT_D"), out var d));
            Assert.Equal(d, younger);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
