using System.Globalization;
using OpenChronic.Synthetic.Data;

namespace OpenChronic.Synthetic.Model;

/// <summary>
/// Simulates one person from (seed, person index) alone: demographics, latent frailty and continuity, chronic
/// conditions with their onsets and ALD registrations, death, the true 12-month ALD entry risk of each year,
/// then the care they receive. Thread-safe: all state is in the <see cref="PersonHistory"/> passed in.
/// </summary>
internal sealed partial class PersonSimulator
{
    private const ulong DemographyStream = 1;
    private const ulong LifeStream = 2;
    private const ulong IdentityStream = 3;

    private static readonly double[] s_pyramid = BuildPyramid();
    private static readonly double[] s_fluxDelay = [0.55, 0.85, 0.93, 0.96, 0.98, 0.99, 1.0];

    private readonly SynthWorld _world;
    private readonly ulong _seed;
    private readonly int _startYear;
    private readonly int _endYear;
    private readonly int _start;
    private readonly int _end;

    public PersonSimulator(SynthWorld world, ulong seed, int startYear, int endYear)
    {
        _world = world;
        _seed = seed;
        _startYear = startYear;
        _endYear = endYear;
        _start = SynthCalendar.Day(startYear, 1, 1);
        _end = SynthCalendar.Day(endYear, 12, 31);
    }

    /// <summary>True when person <paramref name="index"/> is the second twin of person index − 1 (same BEN_NIR_PSA, rank 2).</summary>
    public bool IsSecondTwin(int index) =>
        index > 0 && IdentityHash(index) % 1000 < 4 && IdentityHash(index - 1) % 1000 >= 4;

    public void Simulate(int index, PersonHistory h)
    {
        h.Reset();
        h.Index = index;
        var rng = new SynthRandom(_seed, LifeStream, (ulong)index);
        Demography(index, h, ref rng);
        Identity(index, h, ref rng);
        h.Frailty = Math.Exp(0.5 * rng.Normal() - 0.125);
        h.Continuity = 0.45 + 0.53 * (1 - Math.Pow(1 - rng.NextDouble(), 2));
        h.Adherence = 0.55 + 0.43 * rng.NextDouble();
        var gps = _world.Gps[h.Territory];
        h.Gp = gps[rng.Next(gps.Length)];
        var pharmacies = _world.Pharmacies[h.Territory];
        h.Pharmacy = pharmacies[rng.Next(pharmacies.Length)];
        PrevalentConditions(h, ref rng);
        for (var year = _startYear; year <= _endYear && h.DeathDay > SynthCalendar.Day(year, 1, 1); year++)
        {
            SimulateYear(year, h, ref rng);
        }

        for (var c = 0; c < Conditions.Count; c++)
        {
            if (h.Conditions[c].Onset != ConditionState.None)
            {
                ChooseTreatment(c, h, ref rng);
            }
        }

        Care(h, ref rng);
        Readmissions(h);
    }

    private void Demography(int index, PersonHistory h, ref SynthRandom life)
    {
        // Twins share their sibling's birth and residence: draw those from the sibling's demography stream.
        var source = IsSecondTwin(index) ? index - 1 : index;
        var rng = new SynthRandom(_seed, DemographyStream, (ulong)source);
        var cell = rng.Pick(s_pyramid);
        var group = cell % FrancePopulation.Men.Length;
        var age = group * FrancePopulation.AgeGroupWidth + rng.Next(group == FrancePopulation.Men.Length - 1 ? 10 : 5);
        h.BirthYear = _startYear - 1 - age;
        h.BirthMonth = rng.Between(1, 12);
        h.Territory = rng.Pick(_world.Cumulative.AsSpan());
        var communes = _world.Territories[h.Territory].Communes;
        h.Commune = communes[rng.Next(communes.Length)];
        var sexIsMale = cell < FrancePopulation.Men.Length;
        h.Sex = source == index ? (sexIsMale ? 1 : 2) : life.Between(1, 2);
    }

    private void Identity(int index, PersonHistory h, ref SynthRandom rng)
    {
        var twin = IsSecondTwin(index);
        h.Nir = Identifier(twin ? index - 1 : index, 'N');
        h.Rank = twin ? 2 : 1;
        h.TwinOf = twin ? index - 1 : -1;
        h.IdtAno = Identifier(index, 'I');
        h.NirAno = Identifier(index, 'A');

        // About 1 % of persons change BEN_NIR_PSA during the period (same BEN_IDT_ANO, two IR_BEN_R rows).
        if (!twin && !IsSecondTwin(index + 1) && IdentityHash(index) % 100 == 50)
        {
            h.SecondNir = Identifier(index, 'M');
            h.NirChangeDay = _start + rng.Next(_end - _start - 30) + 15;
        }
    }

    private ulong IdentityHash(int index) => SynthRandom.Mix(_seed ^ SynthRandom.Mix((ulong)index + 0x5EED));

    private string Identifier(int index, char salt)
    {
        var hash = SynthRandom.Mix(_seed ^ SynthRandom.Mix(((ulong)index << 8) | salt));
        return string.Create(CultureInfo.InvariantCulture, $"{salt}{hash:X16}");
    }

    private static int AgeAt(PersonHistory h, int year) => year - h.BirthYear - 1;

    private double Multiplier(int c, PersonHistory h, int day)
    {
        var m = h.Frailty;
        var present = h.Conditions;
        switch (c)
        {
            case Conditions.Diabetes:
                m *= _world.Territories[h.Territory].DiabetesRisk;
                break;
            case Conditions.Coronary:
                m *= present[Conditions.Diabetes].PresentAt(day) ? 2.0 : 1.0;
                break;
            case Conditions.HeartFailure:
                m *= present[Conditions.Coronary].PresentAt(day) ? 3.0 : 1.0;
                break;
            case Conditions.Kidney:
                m *= present[Conditions.Diabetes].PresentAt(day) ? 3.0 : 1.0;
                break;
            case Conditions.Stroke:
                m *= present[Conditions.Hypertension].PresentAt(day) ? 1.5 : 1.0;
                break;
            default:
                break;
        }

        return m;
    }

    private static double[] BuildPyramid()
    {
        var men = FrancePopulation.Men;
        var women = FrancePopulation.Women;
        var cumulative = new double[men.Length + women.Length];
        var sum = 0.0;
        for (var i = 0; i < men.Length; i++)
        {
            sum += men[i];
            cumulative[i] = sum;
        }

        for (var i = 0; i < women.Length; i++)
        {
            sum += women[i];
            cumulative[men.Length + i] = sum;
        }

        return cumulative;
    }

    private static byte FluxDelay(ref SynthRandom rng)
    {
        var x = rng.NextDouble();
        byte d = 0;
        while (x >= s_fluxDelay[d])
        {
            d++;
        }

        return d;
    }
}
