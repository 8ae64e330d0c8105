using System.Text;

namespace OpenChronic.Client.Report;

/// <summary>What a report section is built on.</summary>
internal enum ReportScope
{
    /// <summary>Data released under a privacy policy.</summary>
    Released,

    /// <summary>Internal, non-released data: the section holds aggregates only.</summary>
    Internal,
}

/// <summary>
/// A self-contained HTML report (inline CSS and SVG, no network). A small inline script checks on load that every
/// figure has a non-zero size and records script errors in <c>#selfcheck</c>, so that a headless browser can verify
/// the rendering.
/// </summary>
internal sealed class HtmlReport
{
    private readonly StringBuilder _body = new();
    private readonly List<(string Id, string Title)> _toc = [];
    private readonly string _title;
    private readonly string _subtitle;
    private int _figures;
    private bool _open;

    public HtmlReport(string title, string subtitle)
    {
        _title = title;
        _subtitle = subtitle;
    }

    public HtmlReport Section(string id, string title, ReportScope scope, string intro)
    {
        Close();
        _toc.Add((id, title));
        var badge = scope == ReportScope.Internal
            ? "<span class=\"badge internal\">internal, non-released data: aggregates only</span>"
            : "<span class=\"badge released\">released data</span>";
        _body.Append($"<section id=\"{Svg.Escape(id)}\"><h2>{Svg.Escape(title)} {badge}</h2><p>{Svg.Escape(intro)}</p>");
        _open = true;
        return this;
    }

    public HtmlReport Paragraph(string text)
    {
        _body.Append($"<p>{Svg.Escape(text)}</p>");
        return this;
    }

    public HtmlReport Table(string caption, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        _body.Append($"<table><caption>{Svg.Escape(caption)}</caption><thead><tr>");
        foreach (var h in header)
        {
            _body.Append($"<th>{Svg.Escape(h)}</th>");
        }

        _body.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            foreach (var cell in row)
            {
                _body.Append($"<td>{Svg.Escape(cell)}</td>");
            }

            _body.Append("</tr>");
        }

        _body.Append("</tbody></table>");
        return this;
    }

    /// <summary>Adds an inline SVG figure (markup produced by the report's own SVG writers) with its caption.</summary>
    public HtmlReport Figure(string svg, string caption)
    {
        ArgumentNullException.ThrowIfNull(svg);
        _figures++;
        _body.Append($"<figure id=\"figure-{_figures}\">{svg}<figcaption>Figure {_figures}. {Svg.Escape(caption)}</figcaption></figure>");
        return this;
    }

    public int Figures => _figures;

    public string Build()
    {
        Close();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append($"<title>{Svg.Escape(_title)}</title><style>{Css}</style></head><body>")
            .Append($"<header><h1>{Svg.Escape(_title)}</h1><p>{Svg.Escape(_subtitle)}</p><nav><ol>");
        foreach (var (id, title) in _toc)
        {
            html.Append($"<li><a href=\"#{Svg.Escape(id)}\">{Svg.Escape(title)}</a></li>");
        }

        html.Append("</ol></nav></header><main>").Append(_body).Append("</main>")
            .Append("<pre id=\"selfcheck\" hidden></pre>")
            .Append($"<script>{SelfCheck}</script></body></html>");
        return html.ToString();
    }

    private void Close()
    {
        if (_open)
        {
            _body.Append("</section>");
            _open = false;
        }
    }

    private const string Css =
        "body{font-family:system-ui,sans-serif;margin:0 auto;max-width:960px;padding:0 16px;color:#222}" +
        "h1{margin-bottom:0}h2{border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:40px}" +
        ".badge{font-size:12px;font-weight:normal;border-radius:4px;padding:2px 6px;vertical-align:middle}" +
        ".internal{background:#fff3cd;color:#7a5a00}.released{background:#d1e7dd;color:#0f5132}" +
        "table{border-collapse:collapse;margin:12px 0;font-size:13px}caption{text-align:left;font-weight:bold;padding:4px 0}" +
        "th,td{border:1px solid #ddd;padding:3px 8px;text-align:right}th:first-child,td:first-child{text-align:left}" +
        "figure{margin:16px 0}figcaption{font-size:13px;color:#555}svg{max-width:100%;height:auto;font-family:system-ui,sans-serif}";

    // Records every figure's rendered size and any script error; a headless browser reads #selfcheck.
    private const string SelfCheck =
        "(function(){var errors=[];window.addEventListener('error',function(e){errors.push(String(e.message));});" +
        "window.addEventListener('load',function(){var figures=[];document.querySelectorAll('figure').forEach(function(f){" +
        "var s=f.querySelector('svg');var r=s?s.getBoundingClientRect():{width:0,height:0};" +
        "figures.push({id:f.id,width:Math.round(r.width),height:Math.round(r.height)});});" +
        "document.getElementById('selfcheck').textContent=JSON.stringify({figures:figures,errors:errors});});})();";
}
