using FluentValidation;
using Mediator;
using PushTokenService.Application.Common.Exceptions;

namespace PushTokenService.Application.Common.Behaviours;

/// <summary>Runs the message's validator, if it has one, and turns its first failure into a 400.</summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private readonly IValidator<TMessage>[] _validators = validators.ToArray();

    public ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        foreach (var validator in _validators)
        {
            var result = validator.Validate(message);
            if (!result.IsValid)
            {
                throw new ValidationFailedException(result.Errors[0].ErrorMessage);
            }
        }

        return next(message, cancellationToken);
    }
}
