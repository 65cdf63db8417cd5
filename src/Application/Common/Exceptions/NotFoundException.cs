namespace PushTokenService.Application.Common.Exceptions;

/// <summary>No such record for this caller: 404 <c>no data error</c>.</summary>
public sealed class NotFoundException() : Exception(ErrorStrings.NoData);
