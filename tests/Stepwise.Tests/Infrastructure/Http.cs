using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Stepwise.Tests.Infrastructure;

/// <summary>Reading pages and JSON like a person and a program would, with failures that show the body.</summary>
public static class Http
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        return await response.ReadPageAsync(expected);
    }

    public static async Task<IHtmlDocument> ReadPageAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} from {response.RequestMessage?.RequestUri} but got {(int)response.StatusCode}. Location: {response.Headers.Location}. Body:\n{Trim(body)}");
        return await Parser.ParseDocumentAsync(body);
    }

    /// <summary>Fills a form's fields (by name) and submits it as the browser would, hidden fields included.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, IDictionary<string, string>? values = null, string? baseUrl = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement { Type: "submit" or "button" }:
                    continue;
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked:
                    continue;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
            }
        }
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? baseUrl ?? form.BaseUri : action;
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    /// <summary>Asserts the form was accepted (a redirect); otherwise shows the page's error summary.</summary>
    public static async Task<string> AssertRedirectAsync(this HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return response.Headers.Location!.ToString();
        }
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var errors = string.Join("; ", page.Errors());
        throw new Xunit.Sdk.XunitException($"Expected a redirect from {response.RequestMessage?.RequestUri} but got {(int)response.StatusCode}. Errors: {(errors.Length > 0 ? errors : Trim(page.QuerySelector("main")?.TextContent ?? ""))}");
    }

    public static IHtmlFormElement Form(this IHtmlDocument page, string? selector = null) =>
        (IHtmlFormElement)(page.QuerySelector(selector ?? "main form[method=post]") ?? throw new Xunit.Sdk.XunitException($"No form '{selector}' on the page:\n{Trim(page.Body?.TextContent ?? "")}"));

    public static string Text(this IHtmlDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"Nothing matches '{selector}' on the page:\n{Trim(page.Body?.TextContent ?? "")}");

    public static IEnumerable<string> Errors(this IHtmlDocument page) =>
        page.QuerySelectorAll(".error-summary li").Select(e => e.TextContent.Trim());

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} but got {(int)response.StatusCode}. Body:\n{Trim(body)}");
        return JsonNode.Parse(body) ?? throw new Xunit.Sdk.XunitException("Empty JSON body");
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, JsonOptions);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static string Trim(string body) => body.Length > 3000 ? body[..3000] + "…" : body;
}
