using System.Text;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Ingestion.Validation;

/// <summary>
/// Whether values are codes of one nomenclature, with the verdict cached per distinct value (up to a
/// bound), so that a column of millions of rows costs one lookup per row. ICD-10 lists compare codes
/// without dots and without the trailing '+' or '*' of PMSI coding (<c>E11.9</c>, <c>E119+</c> → <c>E119</c>).
/// </summary>
internal sealed class CodeListVerdicts
{
    private const int StackChars = 128;
    private readonly Nomenclature _list;
    private readonly bool _icd;
    private readonly int _maxCached;
    private readonly Dictionary<string, bool> _text = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> _textBySpan;
    private readonly Dictionary<long, bool> _numbers = [];

    // The previous value and its verdict: sorted or repetitive columns ask the same value many times in a row.
    private readonly byte[] _lastText = new byte[32];
    private int _lastTextLength = -1;
    private bool _lastTextKnown;
    private long? _lastNumber;
    private bool _lastNumberKnown;

    public CodeListVerdicts(Nomenclature list, bool icd, string description, int maxCached)
    {
        _list = list;
        _icd = icd;
        _maxCached = maxCached;
        Description = description;
        _textBySpan = _text.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>What values are checked against, e.g. <c>nomenclature IR_SPE_V</c>.</summary>
    public string Description { get; }

    /// <summary>True when the trimmed, non-empty UTF-8 <paramref name="value"/> is a code of the list.</summary>
    public bool IsKnown(ReadOnlySpan<byte> value)
    {
        if (value.Length == _lastTextLength && value.SequenceEqual(_lastText.AsSpan(0, _lastTextLength)))
        {
            return _lastTextKnown;
        }

        var known = IsKnownText(value);
        if (value.Length <= _lastText.Length)
        {
            value.CopyTo(_lastText);
            _lastTextLength = value.Length;
            _lastTextKnown = known;
        }

        return known;
    }

    private bool IsKnownText(ReadOnlySpan<byte> value)
    {
        Span<char> chars = value.Length <= StackChars ? stackalloc char[StackChars] : new char[value.Length];
        var length = Encoding.UTF8.GetChars(value, chars);
        var text = chars[..length];
        if (_textBySpan.TryGetValue(text, out var known))
        {
            return known;
        }

        var key = text.ToString();
        known = Lookup(key);
        if (_text.Count < _maxCached)
        {
            _text.Add(key, known);
        }

        return known;
    }

    /// <summary>True when the integer <paramref name="value"/> is a code of the list (compared as a number).</summary>
    public bool IsKnown(long value)
    {
        if (value == _lastNumber)
        {
            return _lastNumberKnown;
        }

        if (!_numbers.TryGetValue(value, out var known))
        {
            known = _list.Contains(value);
            if (_numbers.Count < _maxCached)
            {
                _numbers.Add(value, known);
            }
        }

        _lastNumber = value;
        _lastNumberKnown = known;
        return known;
    }

    internal static string NormaliseIcd(string code)
    {
        var builder = new StringBuilder(code.Length);
        foreach (var c in code)
        {
            if (c is not ('.' or ' '))
            {
                builder.Append(c);
            }
        }

        while (builder.Length > 0 && builder[^1] is '+' or '*')
        {
            builder.Length--;
        }

        return builder.ToString();
    }

    private bool Lookup(string value)
    {
        var code = _icd ? NormaliseIcd(value) : value;
        return code.Length > 0 && _list.Contains(code);
    }
}
