using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Common;

/// <summary>
/// Applies <see cref="TextRule"/> once to everything sent in: every argument an API endpoint binds (JSON body, form,
/// query or route), answered with a 400 ValidationProblem naming the field, and every form a page posts, answered
/// with the form again and the field's error, before any handler runs.
/// </summary>
public static class TextRuleFilters
{
    private const int MaxDepth = 8;
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name)[]> Properties = new();

    /// <summary>Every page's form posts are checked before the handler runs.</summary>
    public static IServiceCollection AddTextRule(this IServiceCollection services) =>
        services.Configure<RazorPagesOptions>(o => o.Conventions.ConfigureFilter(new PageFormCheck()));

    /// <summary>A group every API endpoint is mapped in, so each one's arguments are checked before it runs.</summary>
    public static RouteGroupBuilder MapCheckedText(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("");
        group.AddEndpointFilterFactory(EndpointCheck);
        return group;
    }

    private static EndpointFilterDelegate EndpointCheck(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var checkable = context.MethodInfo.GetParameters()
            .Select((p, i) => (Parameter: p, Index: i))
            .Where(x => IsInput(x.Parameter.ParameterType, services)
                && !x.Parameter.GetCustomAttributes().Any(a => a is FromServicesAttribute or FromKeyedServicesAttribute))
            .ToArray();
        if (checkable.Length == 0)
        {
            return next;
        }
        return async invocation =>
        {
            var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var (parameter, index) in checkable)
            {
                var isBody = parameter.ParameterType != typeof(string) && !parameter.ParameterType.IsArray;
                Walk(invocation.Arguments[index], isBody ? "" : parameter.Name ?? "", problems, services, 0, []);
            }
            return problems.Count > 0 ? TypedResults.ValidationProblem(problems) : await next(invocation);
        };
    }

    private static bool IsInput(Type type, IServiceProviderIsService? services)
    {
        if (type == typeof(string))
        {
            return true;
        }
        if (type.IsArray)
        {
            return IsInput(type.GetElementType()!, services);
        }
        var declared = Nullable.GetUnderlyingType(type) ?? type;
        return declared.Assembly == typeof(TextRule).Assembly && !declared.IsEnum && services?.IsService(declared) != true;
    }

    private static void Walk(object? value, string path, Dictionary<string, string[]> problems, IServiceProviderIsService? services, int depth, HashSet<object> seen)
    {
        switch (value)
        {
            case null or IQueryable or Microsoft.EntityFrameworkCore.DbContext or IServiceProvider:
                return; // never a caller's input: a service or a query is not walked
            case string text:
                if (TextRule.Problem(path.Length == 0 ? "The text" : path, text, TextRule.IsName(path)) is { } problem)
                {
                    problems.TryAdd(path, [problem]);
                }
                return;
            case IDictionary dictionary when depth < MaxDepth:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = $"{path}[{entry.Key}]";
                    Walk(entry.Key as string, key, problems, services, depth + 1, seen);
                    Walk(entry.Value, key, problems, services, depth + 1, seen);
                }
                return;
            case IEnumerable items when depth < MaxDepth:
                var i = 0;
                foreach (var item in items)
                {
                    Walk(item, $"{path}[{i++}]", problems, services, depth + 1, seen);
                }
                return;
        }
        var type = value.GetType();
        if (depth >= MaxDepth || type.IsPrimitive || type.IsEnum || !IsInput(type, services) || (!type.IsValueType && !seen.Add(value)))
        {
            return;
        }
        foreach (var (property, name) in Properties.GetOrAdd(type, Readable))
        {
            Walk(property.GetValue(value), path.Length == 0 ? name : $"{path}.{name}", problems, services, depth + 1, seen);
        }
    }

    private static (PropertyInfo, string)[] Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0
                && !p.GetCustomAttributes().Any(a => a is FromServicesAttribute or FromKeyedServicesAttribute or JsonIgnoreAttribute))
            .Select(p => (p, p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name)))
            .ToArray();

    /// <summary>
    /// Checks a posted form's fields (by their names, "Input.Name") before the handler runs. A field the rule refuses
    /// gets its error, and the page's GET handler shows the form again with what was typed; nothing is saved.
    /// </summary>
    private sealed class PageFormCheck : IAsyncPageFilter, IAsyncAuthorizationFilter, IOrderedFilter
    {
        private const string Refused = "stepwise:text-refused";

        /// <summary>Before the antiforgery check, which reads the form too.</summary>
        public int Order => int.MinValue;

        /// <summary>Reads the form first, leniently (see <see cref="ReadFormAsync"/>), so that no later reader fails on it.</summary>
        public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
        {
            if (IsUrlEncodedPost(context.HttpContext.Request))
            {
                await ReadFormAsync(context.HttpContext);
            }
        }

        private static bool IsUrlEncodedPost(HttpRequest request) =>
            !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && request.HasFormContentType
            && request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) != true;

        public async Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
        {
            var request = context.HttpContext.Request;
            // A multipart upload is not read here (an import may stream it): its fields are checked once bound, below.
            if (!IsUrlEncodedPost(request))
            {
                return;
            }
            var form = await ReadFormAsync(context.HttpContext);
            var refused = false;
            foreach (var (key, values) in form)
            {
                if (key == "__RequestVerificationToken")
                {
                    continue;
                }
                foreach (var value in values)
                {
                    if (TextRule.Problem(Label(key), value, TextRule.IsName(key)) is { } problem)
                    {
                        context.ModelState.AddModelError(key, problem);
                        refused = true;
                    }
                }
            }
            if (!refused)
            {
                return;
            }
            foreach (var (key, values) in form)
            {
                context.ModelState.SetModelValue(key, values, values.ToString());
            }
            context.HttpContext.Items[Refused] = true;
            context.HandlerMethod = context.ActionDescriptor.HandlerMethods.FirstOrDefault(h => h.HttpMethod == "Get" && string.IsNullOrEmpty(h.Name));
        }

        /// <summary>
        /// The posted form. ASP.NET Core's own reader throws on a NUL (a 500 before any page code ran): the body is then
        /// read again leniently, so the rule can name the field, and the lenient form is what the page binds.
        /// </summary>
        private static async Task<IFormCollection> ReadFormAsync(HttpContext http)
        {
            http.Request.EnableBuffering();
            try
            {
                return await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (InvalidDataException)
            {
                http.Request.Body.Position = 0;
                using var reader = new StreamReader(http.Request.Body, leaveOpen: true);
                var form = new FormCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(await reader.ReadToEndAsync(http.RequestAborted)));
                http.Features.Set<Microsoft.AspNetCore.Http.Features.IFormFeature>(new Microsoft.AspNetCore.Http.Features.FormFeature(form));
                return form;
            }
        }

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var refused = context.HttpContext.Items.ContainsKey(Refused) && context.HandlerMethod is null;
            if (!refused && context.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form is { } uploaded
                && context.HttpContext.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
            {
                foreach (var (key, values) in uploaded)
                {
                    foreach (var value in values)
                    {
                        if (TextRule.Problem(Label(key), value, TextRule.IsName(key)) is { } problem)
                        {
                            context.ModelState.AddModelError(key, problem);
                            refused = true;
                        }
                    }
                }
            }
            if (refused)
            {
                context.Result = new BadRequestResult();
                return;
            }
            await next();
        }

        /// <summary>"Input.DisplayName" → "Display name".</summary>
        private static string Label(string key)
        {
            var last = key[(key.LastIndexOf('.') + 1)..];
            var words = System.Text.RegularExpressions.Regex.Replace(last, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();
            return words.Length == 0 ? "The text" : char.ToUpperInvariant(words[0]) + words[1..];
        }
    }
}
