using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Stepwise.Tests.Browser;

public static class Accessibility
{
    /// <summary>Runs axe-core on the page (WCAG 2.x A and AA rules) and fails on any serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions
            {
                Type = "tag",
                Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
            },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"Accessibility problems on {page.Url}:\n" + string.Join("\n", serious.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
    }

    /// <summary>Saves a screenshot when STEPWISE_SCREENSHOTS names a folder (used to look at every page).</summary>
    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("STEPWISE_SCREENSHOTS");
        if (!string.IsNullOrWhiteSpace(folder))
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }
}
