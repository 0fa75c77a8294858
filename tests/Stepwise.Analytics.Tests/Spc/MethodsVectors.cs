namespace Stepwise.Analytics.Tests.Spc;

/// <summary>The SPC test vectors of methods.md §4.1.</summary>
internal static class MethodsVectors
{
    public static readonly double[] V1 = [52, 55, 49, 53, 51, 54, 50, 56, 53, 52, 48, 54];

    public static readonly double[] V2 = [12, 14, 11, 13, 15, 12, 13, 14, 12, 11, 16, 17, 18, 17, 19, 18, 17, 16, 18, 19];

    public static readonly double[] V3 = [10, 11, 12, 13, 14, 15, 16, 15, 14, 13];
}
