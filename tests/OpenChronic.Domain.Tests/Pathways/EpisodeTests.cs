using OpenChronic.Domain.Pathways;

namespace OpenChronic.Domain.Tests.Pathways;

public sealed class EpisodeTests
{
    private static readonly DateOnly s_d0 = new(2020, 1, 1);

    [Fact]
    public void Ald_OverlappingAndAdjacentRegistrations_MergeIntoOneEpisode()
    {
        var episodes = AldEpisodeBuilder.Build([
            (8, "E11", s_d0, s_d0.AddDays(99)),
            (8, "E11", s_d0.AddDays(100), s_d0.AddDays(400)),
            (8, "E11", s_d0.AddDays(500), new DateOnly(1600, 1, 1)),
            (30, "C50", s_d0.AddDays(10), null),
        ]);
        Assert.Equal(
            [new AldEpisode(8, "E11", s_d0, s_d0.AddDays(400)), new AldEpisode(8, "E11", s_d0.AddDays(500), null), new AldEpisode(30, "C50", s_d0.AddDays(10), null)],
            episodes);
        Assert.True(episodes[1].IsActiveOn(new DateOnly(2030, 1, 1)));
        Assert.False(episodes[0].IsActiveOn(s_d0.AddDays(401)));
    }

    [Fact]
    public void Ald_OpenRegistrationAbsorbsLaterOnes()
    {
        var episodes = AldEpisodeBuilder.Build([(5, "I50", s_d0, null), (5, "I50", s_d0.AddDays(30), s_d0.AddDays(60))]);
        Assert.Equal([new AldEpisode(5, "I50", s_d0, null)], episodes);
    }

    private static CareEvent Stay(int admit, int discharge) =>
        new(s_d0.DayNumber + admit, s_d0.DayNumber + discharge, CareEventKind.HospitalStay, CareEventTraits.Hospital, 0, PackedCode.Pack("05K13"), 10780054, 0);

    private static CareEvent Visit(int day, short specialty, bool hospital = false) =>
        new(s_d0.DayNumber + day, s_d0.DayNumber + day, CareEventKind.Consultation, hospital ? CareEventTraits.Hospital : CareEventTraits.None, specialty, PackedCode.Pack("C"), 1, 1);

    [Fact]
    public void Hospital_TransferChainsStays_AndContactsAreMeasuredFromTheLastDischarge()
    {
        var timeline = new PatientTimeline();
        timeline.Add([Stay(0, 5), Stay(5, 9), Visit(12, 3, hospital: true), Visit(14, 1), Visit(20, 3), Stay(30, 32), Visit(70, 22)]);
        var episodes = HospitalEpisodeBuilder.Build(timeline.Events);
        Assert.Equal(2, episodes.Length);
        Assert.Equal(new HospitalEpisode(s_d0, s_d0.AddDays(9), 2, 5, 11, 21), episodes[0]);
        Assert.True(episodes[0].GpWithin7Days);
        Assert.True(episodes[0].ReadmittedWithin30Days);
        Assert.Equal(new HospitalEpisode(s_d0.AddDays(30), s_d0.AddDays(32), 1, 38, null, null), episodes[1]);
        Assert.False(episodes[1].GpWithin30Days);
    }
}
