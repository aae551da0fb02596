namespace JumysBot.Localization;

/// <summary>The texts in force now; they change when an operator's edit is reloaded.</summary>
public interface ITextSource
{
    TextCatalog Texts { get; }
}
