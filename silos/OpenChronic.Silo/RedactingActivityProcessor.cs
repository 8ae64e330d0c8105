using System.Diagnostics;
using OpenTelemetry;

namespace OpenChronic.Silo;

/// <summary>Masks patient keys in span names, tags and baggage before any exporter sees a span (Orleans tags grain ids).</summary>
public sealed class RedactingActivityProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.DisplayName = KeyRedaction.Redact(data.DisplayName);
        List<KeyValuePair<string, string>>? masked = null;
        foreach (var tag in data.TagObjects)
        {
            if (tag.Value is not null and not bool and not int and not long and not double)
            {
                var text = tag.Value.ToString() ?? "";
                var redacted = KeyRedaction.Redact(text);
                if (!ReferenceEquals(text, redacted) && text != redacted)
                {
                    (masked ??= []).Add(KeyValuePair.Create(tag.Key, redacted));
                }
            }
        }

        foreach (var (key, value) in masked ?? [])
        {
            data.SetTag(key, value);
        }

        foreach (var item in data.Baggage.ToList())
        {
            if (item.Value is { } value && KeyRedaction.Redact(value) != value)
            {
                data.SetBaggage(item.Key, KeyRedaction.Mask);
            }
        }
    }
}
