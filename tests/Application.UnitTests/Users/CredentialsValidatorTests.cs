using PushTokenService.Application.UnitTests.Support;
using PushTokenService.Application.Users.Commands.Login;
using PushTokenService.Application.Users.Commands.RegisterUser;

namespace PushTokenService.Application.UnitTests.Users;

/// <summary>The username and password rules of API.md section 2, for register and login alike.</summary>
[TestFixtureSource(nameof(Commands))]
public sealed class CredentialsValidatorTests(string command)
{
    public static readonly string[] Commands = ["register", "login"];

    public static IEnumerable<TestCaseData> Errors()
    {
        yield return new TestCaseData("""{}""", "undefined username");
        yield return new TestCaseData("""{"username":null,"password":"password1"}""", "undefined username");
        yield return new TestCaseData("""{"username":12345,"password":"password1"}""", "username format error");
        yield return new TestCaseData("""{"username":"ab","password":"password1"}""", "username length error");
        yield return new TestCaseData($$"""{"username":"{{new string('u', 65)}}","password":"password1"}""", "username length error");
        yield return new TestCaseData("""{"username":"alice smith","password":"password1"}""", "username error");
        yield return new TestCaseData("""{"username":"张三丰","password":"password1"}""", "username error");
        yield return new TestCaseData("""{"username":"alice"}""", "undefined password");
        yield return new TestCaseData("""{"username":"alice","password":null}""", "undefined password");
        yield return new TestCaseData("""{"username":"alice","password":12345678}""", "password format error");
        yield return new TestCaseData("""{"username":"alice","password":"1234567"}""", "password length error");
        yield return new TestCaseData($$"""{"username":"alice","password":"{{new string('p', 129)}}"}""", "password length error");
        yield return new TestCaseData("""{"username":"a","password":"x"}""", "username length error").SetName("{m}_username_before_password");
    }

    public static IEnumerable<TestCaseData> Valid()
    {
        yield return new TestCaseData("""{"username":"abc","password":"12345678"}""");
        yield return new TestCaseData($$"""{"username":"{{new string('u', 64)}}","password":"{{new string('p', 128)}}"}""");
        yield return new TestCaseData("""{"username":"alice.smith@example.com","password":"correct horse battery"}""");
        yield return new TestCaseData("""{"username":"+8613800138000","password":"密码密码密码密码"}""");
    }

    [TestCaseSource(nameof(Errors))]
    public void Credentials_error_is_reported_with_its_contract_string(string json, string error) =>
        Assert.That(FirstError(json), Is.EqualTo(error));

    [TestCaseSource(nameof(Valid))]
    public void Credentials_within_the_rules_pass(string json) =>
        Assert.That(FirstError(json), Is.Null);

    private string? FirstError(string json)
    {
        var body = Bodies.Parse(json);
        var result = command switch
        {
            "register" => new RegisterUserCommandValidator().Validate(new RegisterUserCommand(body["username"], body["password"])),
            "login" => new LoginCommandValidator().Validate(new LoginCommand(body["username"], body["password"])),
            _ => throw new InvalidOperationException(command),
        };
        return result.IsValid ? null : result.Errors[0].ErrorMessage;
    }
}
