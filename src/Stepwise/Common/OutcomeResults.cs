using Microsoft.AspNetCore.Http.HttpResults;

namespace Stepwise.Common;

/// <summary>Turns a use case's <see cref="Outcome{T}"/> into the API's typed results.</summary>
public static class OutcomeResults
{
    public static Results<Ok<T>, ValidationProblem, NotFound, ForbidHttpResult> ToOk<T>(this Outcome<T> outcome) =>
        outcome.Kind switch
        {
            OutcomeKind.Ok => TypedResults.Ok(outcome.Value!),
            OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors),
            OutcomeKind.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };

    public static Results<Created<T>, ValidationProblem, NotFound, ForbidHttpResult> ToCreated<T>(this Outcome<T> outcome, Func<T, string> location) =>
        outcome.Kind switch
        {
            OutcomeKind.Ok => TypedResults.Created(location(outcome.Value!), outcome.Value!),
            OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors),
            OutcomeKind.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
}
