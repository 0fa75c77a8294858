using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Stepwise.Common;

public static class ModelStateExtensions
{
    /// <summary>Copies a use case's field errors ("percentSen") onto the form's fields ("Input.PercentSen").</summary>
    public static void AddOutcomeErrors(this ModelStateDictionary modelState, IDictionary<string, string[]> errors, string prefix = "Input")
    {
        foreach (var (field, messages) in errors)
        {
            var key = string.IsNullOrEmpty(field) ? "" : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }
    }
}
