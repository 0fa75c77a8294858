using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;
using Stepwise.Features.Frameworks;

namespace Stepwise.Features.Plans;

/// <summary>A plan's tables as CSV for a spreadsheet: its actions, goals (with computed status) or priorities.</summary>
public sealed class ExportModel(ReadPlans read) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int planId, string? table, CancellationToken ct)
    {
        if (await read.OneAsync(planId, ct) is not var (plan, _))
        {
            return NotFound();
        }
        var csv = new PlanCsv();
        switch (table)
        {
            case "goals":
                csv.Row("Priority", "Measure", "Metric key", "Pupils", "Baseline", "Baseline date", "Target", "Target date", "Latest", "Latest period", "Trajectory", "Signal", "Stale");
                foreach (var p in plan.Priorities)
                {
                    foreach (var g in p.Goals)
                    {
                        csv.Row(p.Title, g.MetricName, g.MetricKey, g.GroupName, g.Baseline, g.BaselineOn, g.Target, g.TargetOn, g.Status.Latest, g.Status.LatestPeriod,
                            Codes.Of(g.Status.Trajectory), Codes.Of(g.Status.Signal), g.Status.Stale);
                    }
                }
                break;
            case "priorities":
                csv.Row("Priority", "Why", "Framework area", "Unit", "Lead", "Goals", "Actions", "Actions overdue", "Decision", "What changed", "What we learned");
                foreach (var p in plan.Priorities)
                {
                    csv.Row(p.Title, p.Why, p.Area?.Name, p.Unit?.Name, p.Lead, p.Goals.Count, p.Actions.Count, p.Actions.Count(a => a.State == ActionState.Overdue),
                        p.Review?.Decision, p.Review?.WhatChanged, p.Review?.WhatWeLearned);
                }
                break;
            case "actions" or null:
                csv.Row("Priority", "Action", "Owner", "Starts", "Due", "Status", "Cost (£)", "Done on");
                foreach (var p in plan.Priorities)
                {
                    foreach (var a in p.Actions)
                    {
                        csv.Row(p.Title, a.Title, a.Owner, a.StartsOn, a.DueOn, a.State, a.Cost, a.DoneOn);
                    }
                }
                break;
            default:
                return BadRequest();
        }
        var name = $"{FrameworkRules.KeyFrom(plan.School)}-{FrameworkRules.KeyFrom(plan.Title)}-{table ?? "actions"}.csv";
        return File(csv.ToBytes(), "text/csv; charset=utf-8", name);
    }
}
