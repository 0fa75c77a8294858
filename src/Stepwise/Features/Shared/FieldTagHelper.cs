using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Stepwise.Features.Shared;

/// <summary>
/// <c>&lt;field for="Input.Name" label="Name" hint="…"&gt;</c>: a labelled input with its hint and error message,
/// linked by <c>aria-describedby</c>, in the one style every form uses.
/// </summary>
[HtmlTargetElement("field", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    [HtmlAttributeName("for")]
    public required Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; }

    public string Label { get; set; } = "";
    public string? Hint { get; set; }

    /// <summary>text (default), email, password, number, date, select or textarea.</summary>
    public string Type { get; set; } = "text";

    public IEnumerable<SelectListItem>? Options { get; set; }
    public string? Width { get; set; }
    public string? Autocomplete { get; set; }
    public string? Inputmode { get; set; }

    /// <summary>For a textarea: how many lines it shows.</summary>
    public int Rows { get; set; } = 4;

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "field field--error" : "field");

        var describedBy = new List<string>();
        var html = new HtmlContentBuilder();
        html.AppendHtml($"<label for=\"{id}\">").Append(Label).AppendHtml("</label>");
        if (Hint is not null)
        {
            describedBy.Add($"{id}-hint");
            html.AppendHtml($"<p class=\"hint\" id=\"{id}-hint\">").Append(Hint).AppendHtml("</p>");
        }
        if (errors.Count > 0)
        {
            describedBy.Add($"{id}-error");
            html.AppendHtml($"<p class=\"field-error\" id=\"{id}-error\">").Append(string.Join(" ", errors)).AppendHtml("</p>");
        }

        var attributes = new Dictionary<string, object>
        {
            ["id"] = id,
        };
        if (Width is not null)
        {
            attributes["class"] = Width;
        }
        if (describedBy.Count > 0)
        {
            attributes["aria-describedby"] = string.Join(' ', describedBy);
        }
        if (errors.Count > 0)
        {
            attributes["aria-invalid"] = "true";
        }
        if (Autocomplete is not null)
        {
            attributes["autocomplete"] = Autocomplete;
        }
        if (Inputmode is not null)
        {
            attributes["inputmode"] = Inputmode;
        }

        TagBuilder input = Type switch
        {
            "select" => generator.GenerateSelect(ViewContext, For.ModelExplorer, null, For.Name, Options ?? [], allowMultiple: false, htmlAttributes: attributes),
            "password" => generator.GeneratePassword(ViewContext, For.ModelExplorer, For.Name, null, attributes),
            "textarea" => generator.GenerateTextArea(ViewContext, For.ModelExplorer, For.Name, Rows, 0, attributes),
            _ => TextBox(attributes),
        };
        html.AppendHtml(input);
        output.Content.SetHtmlContent(html);
    }

    private TagBuilder TextBox(Dictionary<string, object> attributes)
    {
        attributes["type"] = Type;
        var value = For.Model switch
        {
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var v => v,
        };
        return generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, value, null, attributes);
    }
}
