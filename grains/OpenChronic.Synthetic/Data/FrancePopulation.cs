namespace OpenChronic.Synthetic.Data;

/// <summary>
/// The population the synthetic persons are drawn from: France's age–sex pyramid and the population of each
/// département. Both are APPROXIMATE figures (see <c>Data/SOURCE.md</c>): they give realistic weights, not
/// official counts.
/// </summary>
public static class FrancePopulation
{
    /// <summary>Five-year age groups 0–4 … 90–94, then 95+ (upper bound 104).</summary>
    public const int AgeGroupWidth = 5;

    /// <summary>
    /// Men by five-year age group, thousands. Approximate: INSEE, estimation de la population au 1er janvier 2020,
    /// France (including overseas départements except Mayotte), rounded to 10,000; from recollection of the
    /// published pyramid; compared with INSEE's RP2018 table by sex and five-year age (see <c>Data/SOURCE.md</c>).
    /// </summary>
    public static ReadOnlySpan<int> Men =>
    [
        1880, 2060, 2150, 2100, 1870, 1790, 1930, 2060, 2020, 2210,
        2160, 2130, 1970, 1860, 1650, 1030, 780, 480, 170, 40,
    ];

    /// <summary>Women by five-year age group, thousands (same source and caveat as <see cref="Men"/>).</summary>
    public static ReadOnlySpan<int> Women =>
    [
        1810, 1970, 2050, 2000, 1840, 1860, 2030, 2150, 2070, 2270,
        2250, 2260, 2160, 2080, 1920, 1280, 1130, 850, 450, 150,
    ];

    /// <summary>
    /// Départements as coded in IR_DPT_V (3 characters) with their population in thousands. Approximate: INSEE
    /// populations légales 2019 (population municipale), rounded to the thousand, written from recollection; eight
    /// were checked against published figures and four corrected (see <c>Data/SOURCE.md</c>).
    /// Saint-Pierre-et-Miquelon and the collectivités are left out.
    /// </summary>
    public static IReadOnlyList<(string Code, string Name, int Thousands)> Departements { get; } =
    [
        ("001", "Ain", 652), ("002", "Aisne", 531), ("003", "Allier", 335), ("004", "Alpes-de-Haute-Provence", 164),
        ("005", "Hautes-Alpes", 141), ("006", "Alpes-Maritimes", 1090), ("007", "Ardèche", 325), ("008", "Ardennes", 270),
        ("009", "Ariège", 153), ("010", "Aube", 310), ("011", "Aude", 372), ("012", "Aveyron", 279),
        ("013", "Bouches-du-Rhône", 2043), ("014", "Calvados", 694), ("015", "Cantal", 144), ("016", "Charente", 352),
        ("017", "Charente-Maritime", 651), ("018", "Cher", 302), ("019", "Corrèze", 240), ("02A", "Corse-du-Sud", 158),
        ("02B", "Haute-Corse", 181), ("021", "Côte-d'Or", 534), ("022", "Côtes-d'Armor", 600), ("023", "Creuse", 117),
        ("024", "Dordogne", 413), ("025", "Doubs", 543), ("026", "Drôme", 516), ("027", "Eure", 599),
        ("028", "Eure-et-Loir", 431), ("029", "Finistère", 915), ("030", "Gard", 748), ("031", "Haute-Garonne", 1400),
        ("032", "Gers", 191), ("033", "Gironde", 1623), ("034", "Hérault", 1176), ("035", "Ille-et-Vilaine", 1079),
        ("036", "Indre", 219), ("037", "Indre-et-Loire", 610), ("038", "Isère", 1271), ("039", "Jura", 259),
        ("040", "Landes", 413), ("041", "Loir-et-Cher", 329), ("042", "Loire", 765), ("043", "Haute-Loire", 227),
        ("044", "Loire-Atlantique", 1429), ("045", "Loiret", 680), ("046", "Lot", 174), ("047", "Lot-et-Garonne", 331),
        ("048", "Lozère", 76), ("049", "Maine-et-Loire", 818), ("050", "Manche", 495), ("051", "Marne", 567),
        ("052", "Haute-Marne", 172), ("053", "Mayenne", 307), ("054", "Meurthe-et-Moselle", 733), ("055", "Meuse", 184),
        ("056", "Morbihan", 759), ("057", "Moselle", 1044), ("058", "Nièvre", 204), ("059", "Nord", 2608),
        ("060", "Oise", 829), ("061", "Orne", 280), ("062", "Pas-de-Calais", 1466), ("063", "Puy-de-Dôme", 662),
        ("064", "Pyrénées-Atlantiques", 682), ("065", "Hautes-Pyrénées", 229), ("066", "Pyrénées-Orientales", 479),
        ("067", "Bas-Rhin", 1132), ("068", "Haut-Rhin", 767), ("069", "Rhône", 1876), ("070", "Haute-Saône", 235),
        ("071", "Saône-et-Loire", 551), ("072", "Sarthe", 566), ("073", "Savoie", 436), ("074", "Haute-Savoie", 827),
        ("075", "Paris", 2165), ("076", "Seine-Maritime", 1255), ("077", "Seine-et-Marne", 1421), ("078", "Yvelines", 1449),
        ("079", "Deux-Sèvres", 375), ("080", "Somme", 570), ("081", "Tarn", 389), ("082", "Tarn-et-Garonne", 261),
        ("083", "Var", 1076), ("084", "Vaucluse", 561), ("085", "Vendée", 685), ("086", "Vienne", 438),
        ("087", "Haute-Vienne", 373), ("088", "Vosges", 364), ("089", "Yonne", 335), ("090", "Territoire de Belfort", 141),
        ("091", "Essonne", 1301), ("092", "Hauts-de-Seine", 1624), ("093", "Seine-Saint-Denis", 1645),
        ("094", "Val-de-Marne", 1407), ("095", "Val-d'Oise", 1250), ("971", "Guadeloupe", 384), ("972", "Martinique", 364),
        ("973", "Guyane", 282), ("974", "La Réunion", 861), ("976", "Mayotte", 279),
    ];

    /// <summary>
    /// Relative prevalence of treated diabetes by territory, from the regional gradient of diabetes ALD prevalence
    /// (4.2 % nationally; 3.1 % Bretagne, 5.5 % Hauts-de-France, about 8 % overseas; CNAM 2016 via
    /// <c>shared/reference/epidemiology.md</c>): a multiplier applied to diabetes risk.
    /// </summary>
    public static double DiabetesGradient(string departement) => departement switch
    {
        "022" or "029" or "035" or "056" => 3.1 / 4.2,
        "002" or "059" or "060" or "062" or "080" => 5.5 / 4.2,
        "971" or "972" or "973" or "974" or "976" => 8.0 / 4.2,
        _ => 1.0,
    };
}
