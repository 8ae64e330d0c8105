using System.Runtime.CompilerServices;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Domain.Tests.Pathways;

public sealed class TimelineTests
{
    private static CareEvent Event(int day, CareEventKind kind = CareEventKind.Dispensation, string code = "A10BA02", float value = 1) =>
        new(day, day, kind, CareEventTraits.None, 0, PackedCode.Pack(code), 3400921600506, value);

    [Theory]
    [InlineData("")]
    [InlineData("E110")]
    [InlineData("A10BA02")]
    [InlineData("DZQM0060")]
    [InlineData("010780054")]
    [InlineData("3400921600506")]
    [InlineData("000000000")]
    public void PackedCode_RoundTrips(string code) => Assert.Equal(code, PackedCode.Unpack(PackedCode.Pack(code)));

    [Theory]
    [InlineData("")]
    [InlineData("E110")]
    [InlineData("A10BA02")]
    [InlineData("DZQM0060")]
    [InlineData("3400921600506")]
    [InlineData("000000000")]
    public void PackedCode_UnpackToUtf8_IsTheUtf8OfTheString(string code) => AssertUtf8OfString(PackedCode.Pack(code));

    [Fact]
    public void PackedCode_UnpackToUtf8_BytesAboveAscii_AreTwoUtf8BytesEach() =>
        AssertUtf8OfString(0xC941FF0000000000UL); // not made by Pack, but unpacked alike

    private static void AssertUtf8OfString(ulong packed)
    {
        Span<byte> utf8 = stackalloc byte[PackedCode.MaxUtf8Length];
        var n = PackedCode.Unpack(packed, utf8);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(PackedCode.Unpack(packed)), utf8[..n].ToArray());
    }

    [Fact]
    public void PackedCode_RejectsLongOrNonAsciiCodes()
    {
        Assert.False(PackedCode.TryPack("12345678901234", out _));
        Assert.False(PackedCode.TryPack("A23456789", out _));
        Assert.False(PackedCode.TryPack("É11", out _));
        Assert.False(PackedCode.TryPack("E 11", out _));
    }

    [Fact]
    public void PackedCode_StartsWith_MatchesPrefixes()
    {
        var code = PackedCode.Pack("A10BA02");
        Assert.True(PackedCode.StartsWith(code, PackedCode.Pack("A10"), 3));
        Assert.False(PackedCode.StartsWith(code, PackedCode.Pack("A11"), 3));
        Assert.True(PackedCode.StartsWith(code, 0, 0));
    }

    [Fact]
    public void CareEvent_Is32Bytes() => Assert.Equal(32, Unsafe.SizeOf<CareEvent>());

    [Fact]
    public void EventPack_RoundTripsEveryField()
    {
        CareEvent[] events =
        [
            new(738000, 738010, CareEventKind.HospitalStay, CareEventTraits.Hospital, 0, PackedCode.Pack("05M09T"), 10780054, 0),
            new(738001, 738001, CareEventKind.Consultation, CareEventTraits.AldRelated, 1, PackedCode.Pack("1111"), PackedCode.Pack("01234567"), 1),
            new(738002, 738002, CareEventKind.Dispensation, CareEventTraits.LargePack, 0, PackedCode.Pack("A10BA02"), 3400921600506, -2),
        ];
        var pack = EventPack.Pack(events);
        Assert.Equal(8 + (3 * EventPack.BytesPerEvent), pack.Length);
        Assert.Equal(events, EventPack.Unpack(pack));
    }

    [Fact]
    public void EventPack_Malformed_IsAClearError()
    {
        var pack = EventPack.Pack([Event(1)]);
        Assert.Throws<InvalidDataException>(() => EventPack.Count(pack.AsSpan(0, pack.Length - 1)));
        Assert.Throws<InvalidDataException>(() => EventPack.Count(new byte[8]));
    }

    [Fact]
    public void Add_OutOfOrderUnits_KeepsTheTimelineSorted()
    {
        var timeline = new PatientTimeline();
        timeline.Add([Event(30), Event(10)]);
        timeline.AddPack(EventPack.Pack([Event(20), Event(40)]));
        timeline.Add([Event(50)]);
        Assert.Equal([10, 20, 30, 40, 50], timeline.Events.ToArray().Select(e => e.Day));
        Assert.Equal(2, timeline.FirstOnOrAfter(25));
        Assert.Equal(5, timeline.FirstOnOrAfter(51));
    }

    [Fact]
    public void TrimExcess_LeavesExactly32BytesPerEvent()
    {
        var timeline = new PatientTimeline();
        timeline.Add(Enumerable.Range(0, 100).Select(i => Event(i)).ToArray());
        timeline.TrimExcess();
        Assert.Equal(100 * 32, timeline.ResidentBytes);
    }

    [Fact]
    public void Sort_IsTotal_SoTwoOrdersOfTheSameEventsGiveTheSameTimeline()
    {
        var events = Enumerable.Range(0, 50).Select(i => Event(i % 5, (CareEventKind)(1 + (i % 3)), i % 2 == 0 ? "A10BA02" : "C10AA05", i % 7)).ToArray();
        var a = new PatientTimeline();
        a.Add(events);
        var b = new PatientTimeline();
        b.Add(events.Reverse().ToArray());
        Assert.Equal(a.Events.ToArray(), b.Events.ToArray());
    }
}
