using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.People;

public sealed class EditModel(PeopleQueries people, EditPerson editPerson) : PageModel
{
    [BindProperty]
    public PersonDetailsInput Input { get; set; } = new();

    public int PersonId { get; private set; }
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int personId, CancellationToken ct)
    {
        var person = await people.GetAsync(personId, ct);
        if (person is null)
        {
            return NotFound();
        }
        (PersonId, Name) = (person.Id, person.Name);
        Input = new PersonDetailsInput { Email = person.Email, Name = person.Name, JobTitle = person.JobTitle };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int personId, CancellationToken ct)
    {
        var person = await people.GetAsync(personId, ct);
        if (person is null)
        {
            return NotFound();
        }
        (PersonId, Name) = (person.Id, person.Name);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return this.Reply(await editPerson.UpdateAsync(personId, Input, ct), _ => this.Done("Your changes have been saved.", $"/people/{personId}"));
    }
}
