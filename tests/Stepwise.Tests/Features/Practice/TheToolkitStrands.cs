using Stepwise.Features.SharedLanguage;

namespace Stepwise.Tests.Features.Practice;

/// <summary>The EEF Teaching and Learning Toolkit's thirty strands, by name and slug.</summary>
public sealed class TheToolkitStrands
{
    [Fact]
    public void There_are_thirty_strands_with_learning_styles_among_them_each_with_its_own_slug()
    {
        Assert.Equal(30, EefToolkit.All.Count);
        Assert.Equal(30, EefToolkit.All.Select(s => s.Slug).Distinct().Count());
        Assert.Contains("Learning styles", EefToolkit.Strands);
        Assert.Equal("within-class-attainment-grouping", EefToolkit.Find("within-class attainment grouping") is { } name ? EefToolkit.FindBySlug(name)!.Slug : null);
        Assert.Equal("One to one tuition", EefToolkit.FindBySlug("one-to-one-tuition")!.Name);
        Assert.Equal("metacognition-and-self-regulation", EefToolkit.FindBySlug("Metacognition and self-regulation")!.Slug);
        Assert.Null(EefToolkit.FindBySlug("brain-gym"));
        Assert.Equal("Phonics", EefToolkit.Find(" phonics "));
    }
}
