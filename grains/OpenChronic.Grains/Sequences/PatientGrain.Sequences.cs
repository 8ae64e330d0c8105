namespace OpenChronic.Grains;

public sealed partial class PatientGrain : IPatientSequences
{
    public ValueTask<SequenceFigures> MeasureSequencesAsync()
    {
        var (lines, episodes) = deriver.DeriveSequences(_timeline!.Events);
        long lineDays = 0;
        foreach (var (_, line) in lines)
        {
            lineDays += line.End.DayNumber - line.Start.DayNumber + 1;
        }

        long stays = 0, gp7 = 0, gp30 = 0, specialist30 = 0, readmitted = 0;
        foreach (var e in episodes)
        {
            stays += e.Stays;
            gp7 += e.GpWithin7Days ? 1 : 0;
            gp30 += e.GpWithin30Days ? 1 : 0;
            specialist30 += e.DaysToSpecialist is <= 30 ? 1 : 0;
            readmitted += e.ReadmittedWithin30Days ? 1 : 0;
        }

        return ValueTask.FromResult(new SequenceFigures(1, lines.Length, lineDays, episodes.Length, stays, gp7, gp30, specialist30, readmitted));
    }
}
