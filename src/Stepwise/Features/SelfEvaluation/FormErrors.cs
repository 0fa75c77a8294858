using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Stepwise.Features.SelfEvaluation;

/// <summary>
/// Puts a use case's field errors on a form's fields, nested ones included: "evidence[0].url" becomes
/// "Input.Evidence[0].Url", so the error summary links to the field and the field shows its message.
/// </summary>
public static partial class FormErrors
{
    [GeneratedRegex(@"(^|\.)([a-z])")]
    private static partial Regex SegmentStart();

    public static void AddTo(ModelStateDictionary modelState, IDictionary<string, string[]> errors, string prefix = "Input", IReadOnlyDictionary<string, string>? renamed = null)
    {
        foreach (var (field, messages) in errors)
        {
            var name = renamed?.GetValueOrDefault(field) ?? field;
            var key = string.IsNullOrEmpty(name) ? "" : $"{prefix}.{SegmentStart().Replace(name, m => m.Groups[1].Value + char.ToUpperInvariant(m.Groups[2].Value[0]))}";
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }
    }
}
