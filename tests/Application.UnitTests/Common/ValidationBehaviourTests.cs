using FluentValidation;
using Mediator;
using PushTokenService.Application.Common.Behaviours;
using PushTokenService.Application.Common.Exceptions;

namespace PushTokenService.Application.UnitTests.Common;

public sealed class ValidationBehaviourTests
{
    [Test]
    public async Task Message_without_a_validator_reaches_its_handler()
    {
        var behaviour = new ValidationBehaviour<Ping, string>([]);

        var answer = await behaviour.Handle(new Ping(""), Handler, CancellationToken.None);

        Assert.That(answer, Is.EqualTo("pong"));
    }

    [Test]
    public async Task Valid_message_reaches_its_handler()
    {
        var behaviour = new ValidationBehaviour<Ping, string>([Validator("first error", "second error")]);

        var answer = await behaviour.Handle(new Ping("ok"), Handler, CancellationToken.None);

        Assert.That(answer, Is.EqualTo("pong"));
    }

    [Test]
    public async Task First_failure_of_a_validator_wins_and_the_handler_does_not_run()
    {
        var handled = false;
        var behaviour = new ValidationBehaviour<Ping, string>([Validator("first error", "second error")]);

        var exception = await Assert.ThrowsAsync<ValidationFailedException>(async () => await behaviour.Handle(
            new Ping("bad"), (_, _) => { handled = true; return ValueTask.FromResult("pong"); }, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Error, Is.EqualTo("first error"));
            Assert.That(handled, Is.False);
        });
    }

    [Test]
    public async Task First_failing_validator_wins()
    {
        var behaviour = new ValidationBehaviour<Ping, string>([Validator("a error"), Validator("b error")]);

        var exception = await Assert.ThrowsAsync<ValidationFailedException>(async () => await behaviour.Handle(new Ping("bad"), Handler, CancellationToken.None));

        Assert.That(exception!.Error, Is.EqualTo("a error"));
    }

    private static ValueTask<string> Handler(Ping message, CancellationToken cancellationToken) => ValueTask.FromResult("pong");

    /// <summary>A validator whose rules all fail on "bad", each with its own message, in order.</summary>
    private static InlineValidator<Ping> Validator(params string[] messages)
    {
        var validator = new InlineValidator<Ping>();
        foreach (var message in messages)
        {
            validator.RuleFor(p => p.Value).NotEqual("bad").WithMessage(message);
        }

        return validator;
    }

    public sealed record Ping(string Value) : ICommand<string>;
}
