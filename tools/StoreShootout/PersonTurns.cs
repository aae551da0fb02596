namespace StoreShootout;

/// <summary>What a person's request leaves in the store: what they typed, the conversation's data as it grew, the reply.</summary>
internal sealed record PersonTurns(long UpdateId, string Typed, IReadOnlyList<string> States, string Screen, string Reply, long Now)
{
    public static PersonTurns For(PersonRecord person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var updateId = 9_000_000_000 + person.PersonId;
        return new PersonTurns(
            updateId,
            $$$"""{"update_id":{{{updateId}}},"message":{"chat":{"id":{{{person.ChatId}}},"type":"private"},"text":"{{{person.Phone}}}"}}""",
            [
                $$"""{"flow":"request","kind":"Consultation","name":"{{person.Name}}"}""",
                $$"""{"flow":"request","kind":"Consultation","name":"{{person.Name}}","phone":"{{person.Phone}}"}""",
                $$"""{"flow":"request","kind":"Consultation","name":"{{person.Name}}","phone":"{{person.Phone}}","comment":"{{person.Comment}}"}""",
            ],
            $$"""{"Prompt":"{{person.Name}}, всё верно? Телефон: {{person.Phone}}","Choices":[{"Text":"Да","Data":"yes"}]}""",
            $$"""{"update":{{updateId}},"chat_id":{{person.ChatId}},"text":"Заявка принята. {{person.Name}}, консультант позвонит на номер {{person.Phone}}."}""",
            1_764_100_000_000);
    }
}
