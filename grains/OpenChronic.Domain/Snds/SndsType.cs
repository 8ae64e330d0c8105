namespace OpenChronic.Domain.Snds;

/// <summary>
/// The logical type of an SNDS column, as declared by the formal schema (Table Schema types and formats).
/// </summary>
public enum SndsType
{
    /// <summary>Text, including codes with leading zeros and every key (keys are never parsed as numbers).</summary>
    String,

    /// <summary>Whole number (64-bit).</summary>
    Integer,

    /// <summary>Decimal number, carried as a double.</summary>
    Number,

    /// <summary>0/1 flag.</summary>
    Boolean,

    /// <summary>Calendar date (ISO, dd/MM/yyyy, DDMMYYYY or SAS ddMMMyyyy in files).</summary>
    Date,

    /// <summary>Date and time (SAS ddMMMyyyy:HH:mm:ss in files).</summary>
    DateTime,

    /// <summary>Year and month, YYYYMM, carried as the integer YYYYMM.</summary>
    YearMonth,

    /// <summary>Four-digit year.</summary>
    Year,

    /// <summary>Two-digit month, 1 to 12.</summary>
    Month,
}
