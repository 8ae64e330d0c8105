using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenChronic.Api.Counts;

/// <summary>
/// A parsed counts query: the dimensions, and either ε (discrete Laplace, pure or δ-thresholded) or ρ (discrete
/// Gaussian, zCDP), with the interval level. <see cref="Parse"/> refuses anything else with a reason, before any
/// file is read or any budget charged.
/// </summary>
internal sealed partial record CountRequest(ImmutableArray<string> Dimensions, double? Epsilon, double? Rho, double ConfidenceLevel)
{
    public const int MaxBodyBytes = 4096;

    public static CountRequest? Parse(ReadOnlySpan<byte> body, DpCountOptions options, out string error)
    {
        ArgumentNullException.ThrowIfNull(options);
        error = "";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 4 });
        }
        catch (JsonException)
        {
            error = "the body is not JSON";
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "the body is a JSON object";
                return null;
            }

            var dimensions = ImmutableArray<string>.Empty;
            double? epsilon = null, rho = null;
            var level = 0.95;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var ok = property.Name switch
                {
                    "dimensions" => ReadDimensions(property.Value, options, out dimensions, out error),
                    "epsilon" => ReadPositive(property.Value, "epsilon", out epsilon, out error),
                    "rho" => ReadPositive(property.Value, "rho", out rho, out error),
                    "confidence_level" => ReadLevel(property.Value, out level, out error),
                    _ => Fail("unknown field (allowed: dimensions, epsilon, rho, confidence_level)", out error),
                };
                if (!ok)
                {
                    return null;
                }
            }

            if (dimensions.IsDefaultOrEmpty)
            {
                error = "dimensions: at least one dimension is needed";
                return null;
            }

            if (epsilon is null == rho is null)
            {
                error = "give exactly one of epsilon (Laplace) or rho (zCDP, Gaussian)";
                return null;
            }

            return new CountRequest(dimensions, epsilon, rho, level);
        }
    }

    private static bool ReadDimensions(JsonElement value, DpCountOptions options, out ImmutableArray<string> dimensions, out string error)
    {
        dimensions = [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            return Fail("dimensions is an array of names", out error);
        }

        var count = value.GetArrayLength();
        if (count == 0 || count > options.MaxDimensions)
        {
            return Fail($"dimensions: from 1 to {options.MaxDimensions} names", out error);
        }

        var names = new List<string>(count);
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { } name || !DimensionName().IsMatch(name))
            {
                return Fail("dimensions: a name is lower-case letters, digits and '_' (at most 64)", out error);
            }

            if (names.Contains(name, StringComparer.Ordinal))
            {
                return Fail("dimensions: a name appears twice", out error);
            }

            names.Add(name);
        }

        dimensions = [.. names];
        error = "";
        return true;
    }

    private static bool ReadPositive(JsonElement value, string name, out double? number, out string error)
    {
        number = null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var v) || !double.IsFinite(v) || v <= 0)
        {
            return Fail($"{name} is a positive finite number", out error);
        }

        number = v;
        error = "";
        return true;
    }

    private static bool ReadLevel(JsonElement value, out double level, out string error)
    {
        level = 0;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var v) || !(v >= 0.5 && v <= 0.999))
        {
            return Fail("confidence_level is a number from 0.5 to 0.999", out error);
        }

        level = v;
        error = "";
        return true;
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex DimensionName();
}
