using System.Text.RegularExpressions;

namespace Stepwise.Features.Imports;

/// <summary>How many problems of one kind an import found (a column and what is wrong with it), every one counted.</summary>
public sealed record ProblemCount(string Column, string Reason, int Count);

/// <summary>
/// The problems an import finds, kept with a bound whatever the size of the file (ADR 0074): the first
/// <see cref="KeptPerKind"/> of each kind (a column and what is wrong with it) with their lines, and an exact count
/// of every kind and of the lines rejected. A file of three million bad lines costs a few hundred problems, not three
/// million.
/// </summary>
public sealed partial class RowProblems
{
    /// <summary>How many problems of each kind are kept with their line, column and reason.</summary>
    public const int KeptPerKind = 100;

    /// <summary>How many kinds are told apart; problems of any further kind are counted together.</summary>
    public const int MostKinds = 50;

    private readonly List<RowProblem> _kept = [];
    private readonly Dictionary<string, (string Column, string Reason, int Count)> _kinds = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Every problem found, kept or not.</summary>
    public int Count { get; private set; }

    /// <summary>The lines with at least one problem (each line's problems are added together, once).</summary>
    public int RejectedLines { get; private set; }

    /// <summary>A problem with the file itself (its header): it refuses the whole file.</summary>
    public bool OnFile { get; private set; }

    /// <summary>The problems kept, in the order of their lines.</summary>
    public IReadOnlyList<RowProblem> Kept => [.. _kept.OrderBy(p => p.Line)];

    /// <summary>Every kind of problem with its exact count, the commonest first.</summary>
    public IReadOnlyList<ProblemCount> Kinds =>
        [.. _order.Select(k => _kinds[k]).OrderByDescending(k => k.Count).Select(k => new ProblemCount(k.Column, k.Reason, k.Count))];

    /// <summary>The problems of one line (all of them at once): the line is counted as rejected.</summary>
    public void AddLine(IReadOnlyList<RowProblem> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }
        RejectedLines++;
        foreach (var problem in problems)
        {
            Add(problem);
        }
    }

    /// <summary>Caps a list of problems made whole (a national file's): the same kinds and counts as if collected here.</summary>
    public static RowProblems Of(IEnumerable<RowProblem> problems)
    {
        var all = new RowProblems();
        foreach (var line in problems.GroupBy(p => p.Line))
        {
            all.AddLine([.. line]);
        }
        return all;
    }

    private void Add(RowProblem problem)
    {
        Count++;
        OnFile |= problem.Line == RowProblem.FileLine;
        var kind = KindOf(problem);
        if (!_kinds.TryGetValue(kind, out var known))
        {
            if (_kinds.Count >= MostKinds)
            {
                kind = "";
                known = _kinds.GetValueOrDefault(kind, ("", "other problems", 0));
            }
            else
            {
                known = (problem.Column, problem.Reason, 0);
            }
            if (!_kinds.ContainsKey(kind))
            {
                _order.Add(kind);
            }
        }
        _kinds[kind] = known with { Count = known.Count + 1 };
        if (known.Count < KeptPerKind)
        {
            _kept.Add(problem);
        }
    }

    /// <summary>A problem's kind: its column and reason, with the numbers in the reason left out ("repeats line 12" and "repeats line 40" are one kind).</summary>
    private static string KindOf(RowProblem problem) => $"{problem.Column}\n{Numbers().Replace(problem.Reason, "#")}";

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Numbers();
}
