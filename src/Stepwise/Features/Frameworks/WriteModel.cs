using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.Frameworks;

/// <summary>What the three framework-writing pages share: the form, and turning it into a definition to save.</summary>
public abstract class WriteModel(AccessControl access) : PageModel
{
    [BindProperty]
    public WrittenFramework Input { get; set; } = new();

    public LoadedVersion? Based { get; protected set; }

    protected async Task<bool> MayWriteAsync(CancellationToken ct) => await access.CanAcrossTrustAsync(Permission.ManageFrameworks, ct);

    /// <summary>Converts the form, saves it, and answers with the form's errors or a redirect to the framework.</summary>
    protected async Task<IActionResult> SaveAsync(string key, int? version, LoadedVersion? previous, Func<FrameworkDefinition, Task<Outcome<SaveFramework.Saved>>> save)
    {
        var definition = Input.ToDefinition(key, version, previous);
        if (definition.Kind != OutcomeKind.Ok)
        {
            ModelState.AddOutcomeErrors(definition.Errors);
            return Page();
        }
        var outcome = await save(definition.Value!);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            foreach (var (field, messages) in outcome.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field is "name" or "description" or "notes" ? $"Input.{char.ToUpperInvariant(field[0])}{field[1..]}" : field.StartsWith("scales", StringComparison.Ordinal) ? "Input.Grades" : "Input.Areas", message);
                }
            }
            return Page();
        }
        return this.Reply(outcome, saved => this.Done(saved.Message, $"/frameworks/{saved.Framework.Id}?version={saved.Version}"));
    }
}
