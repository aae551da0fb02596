namespace JumysBot.Leads.Requests;

/// <summary>The questions of a request, in the order they are asked.</summary>
public enum LeadStep
{
    /// <summary>Before the first question: the flow starts from here.</summary>
    New,
    Topic,
    Consent,
    Name,
    Phone,
    ContactMethod,
    ContactTime,
    Place,
    PlaceList,
    Group,
    Comment,
    Review,
    Done,
    Declined,
}

/// <summary>What the person did at a step, as the flow's state machine hears it.</summary>
public enum LeadTrigger
{
    Start,
    Chose,
    Typed,
    ContactShared,
    LocationShared,
    VoiceSent,
    Agree,
    Decline,
    Skip,
    Back,
    Confirm,
    Edit,
}
