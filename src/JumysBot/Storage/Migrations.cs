namespace JumysBot.Storage;

/// <summary>
/// The schema on SQLite, version by version. Applied in order at start; a shipped migration is never edited, only followed.
/// SQL stays portable to PostgreSQL: 64-bit integers, ISO text, <c>ON CONFLICT</c>, unix milliseconds for time.
/// A new version goes here and, under the same number, in <see cref="PostgresMigrations"/> (a test compares the two).
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<(int Version, string Sql)> All { get; } =
    [
        (1, """
            CREATE TABLE inbox (
                update_id   BIGINT PRIMARY KEY,
                chat_id     BIGINT NULL,
                payload     TEXT NULL,
                received_at BIGINT NOT NULL,
                handled_at  BIGINT NULL,
                attempts    INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX inbox_pending ON inbox (update_id) WHERE handled_at IS NULL;

            CREATE TABLE people (
                id         BIGINT PRIMARY KEY,
                language   TEXT NULL,
                role       TEXT NULL,
                disability_group TEXT NULL,
                age_band   TEXT NULL,
                goal       TEXT NULL,
                is_active  INTEGER NOT NULL DEFAULT 1,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            );

            CREATE TABLE conversations (
                chat_id    BIGINT PRIMARY KEY,
                step       TEXT NOT NULL,
                data       TEXT NULL,
                screen     TEXT NULL,
                updated_at BIGINT NOT NULL
            );

            CREATE TABLE outbox (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                chat_id     BIGINT NOT NULL,
                priority    INTEGER NOT NULL,
                payload     TEXT NOT NULL,
                created_at  BIGINT NOT NULL,
                not_before  BIGINT NULL,
                attempts    INTEGER NOT NULL DEFAULT 0,
                sent_at     BIGINT NULL,
                message_id  BIGINT NULL,
                failed_at   BIGINT NULL,
                last_error  TEXT NULL
            );
            CREATE INDEX outbox_pending ON outbox (priority, id) WHERE sent_at IS NULL AND failed_at IS NULL;
            """),
        (2, """
            ALTER TABLE people ADD COLUMN consent_version INTEGER NULL;
            ALTER TABLE people ADD COLUMN consent_at BIGINT NULL;

            CREATE TABLE leads (
                id               INTEGER PRIMARY KEY AUTOINCREMENT,
                person_id        BIGINT NOT NULL,
                kind             TEXT NOT NULL,
                measure_id       TEXT NULL,
                topic            TEXT NULL,
                name             TEXT NULL,
                phone            TEXT NULL,
                contact_method   TEXT NOT NULL,
                contact_time     TEXT NULL,
                place_id         TEXT NULL,
                latitude         DOUBLE PRECISION NULL,
                longitude        DOUBLE PRECISION NULL,
                point_id         TEXT NOT NULL,
                disability_group TEXT NULL,
                comment          TEXT NULL,
                voice_file_id    TEXT NULL,
                language         TEXT NOT NULL,
                status           TEXT NOT NULL,
                created_at       BIGINT NOT NULL,
                updated_at       BIGINT NOT NULL
            );
            CREATE INDEX leads_person ON leads (person_id, status);
            CREATE INDEX leads_point ON leads (point_id, status);
            -- Public numbers start at 1001, so a request number never looks like a test.
            INSERT INTO sqlite_sequence (name, seq) VALUES ('leads', 1000);

            CREATE TABLE lead_history (
                lead_id BIGINT NOT NULL,
                status  TEXT NOT NULL,
                at      BIGINT NOT NULL,
                actor   TEXT NOT NULL
            );
            CREATE INDEX lead_history_lead ON lead_history (lead_id, at);
            """),
        (3, """
            -- Consultant chats: bound from configuration or approved by an administrator.
            CREATE TABLE consultant_chats (
                chat_id  BIGINT PRIMARY KEY,
                point_id TEXT NOT NULL,
                title    TEXT NULL,
                source   TEXT NOT NULL,
                active   INTEGER NOT NULL DEFAULT 1,
                bound_at BIGINT NOT NULL
            );
            CREATE TABLE consultant_requests (
                chat_id      BIGINT PRIMARY KEY,
                title        TEXT NULL,
                requested_at BIGINT NOT NULL
            );

            -- Where each lead card was sent, so a status change edits it in place.
            CREATE TABLE lead_cards (
                lead_id    BIGINT NOT NULL,
                chat_id    BIGINT NOT NULL,
                message_id BIGINT NOT NULL,
                PRIMARY KEY (lead_id, chat_id)
            );
            ALTER TABLE outbox ADD COLUMN lead_card BIGINT NULL;

            ALTER TABLE leads ADD COLUMN taken_by TEXT NULL;
            ALTER TABLE leads ADD COLUMN first_contact_at BIGINT NULL;
            ALTER TABLE leads ADD COLUMN reminded_at BIGINT NULL;
            ALTER TABLE leads ADD COLUMN escalated_at BIGINT NULL;

            -- Anonymous counts for the funnel: a flow started, consent given. No person id is kept here.
            CREATE TABLE funnel_events (
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                at   BIGINT NOT NULL
            );
            """),
        (4, """
            -- A keyed hash of the phone, to find a person's requests when the phone itself is encrypted.
            ALTER TABLE leads ADD COLUMN phone_hash TEXT NULL;
            CREATE INDEX leads_phone_hash ON leads (phone_hash);
            CREATE INDEX conversations_updated ON conversations (updated_at);
            """),
        (5, """
            -- Whether an earlier copy of a lead card may already be in the chat: 0 no, 1 a copy is on its way,
            -- 2 an attempt ended without an answer (a crash, a timeout, a dropped connection).
            ALTER TABLE outbox ADD COLUMN in_doubt INTEGER NOT NULL DEFAULT 0;
            """),
        (6, """
            -- Outreach. Where people came from (a poster's start link: p-<point>, m-<measure>, c-<campaign>).
            ALTER TABLE people ADD COLUMN source TEXT NULL;
            ALTER TABLE people ADD COLUMN campaign TEXT NULL;
            ALTER TABLE leads ADD COLUMN source TEXT NULL;
            ALTER TABLE leads ADD COLUMN campaign TEXT NULL;
            -- Every /start, anonymous: only the link it came through.
            CREATE TABLE arrivals (
                source   TEXT NULL,
                campaign TEXT NULL,
                at       BIGINT NOT NULL
            );

            -- Opt-in announcements: topics as a comma list (Training,Grants,Jobs); no place means the whole region.
            ALTER TABLE people ADD COLUMN subscribed_topics TEXT NULL;
            ALTER TABLE people ADD COLUMN subscribed_place TEXT NULL;
            CREATE TABLE announcements (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                text_ru     TEXT NOT NULL,
                text_kk     TEXT NOT NULL,
                topics      TEXT NOT NULL,
                places      TEXT NOT NULL,
                created_by  BIGINT NOT NULL,
                created_at  BIGINT NOT NULL,
                recipients  INTEGER NOT NULL,
                finished_at BIGINT NULL
            );
            ALTER TABLE outbox ADD COLUMN announcement_id BIGINT NULL;
            CREATE INDEX outbox_announcement ON outbox (announcement_id) WHERE announcement_id IS NOT NULL;
            """),
        (7, """
            -- The person's feedback after a request is done: asked once (feedback_asked_at guards it), a rating 1-5,
            -- and an optional comment (personal: encrypted like the other comments, erased by /forget and retention).
            ALTER TABLE leads ADD COLUMN feedback_asked_at BIGINT NULL;
            ALTER TABLE leads ADD COLUMN rating INTEGER NULL;
            ALTER TABLE leads ADD COLUMN rated_at BIGINT NULL;
            ALTER TABLE leads ADD COLUMN feedback_comment TEXT NULL;
            """),
        (8, """
            -- A group that became a supergroup: its old row stays, inactive, naming the new id, so the old id still in the
            -- configuration is recognised at the next start instead of being bound again.
            ALTER TABLE consultant_chats ADD COLUMN moved_to BIGINT NULL;
            -- Every message sent with a request's personal data: each copy of its card (a new request, /leads, reminders,
            -- escalations, repeats) and the person's voice message forwarded with it, so an erasure reaches every one.
            CREATE TABLE sent_copies (
                lead_id    BIGINT NOT NULL,
                chat_id    BIGINT NOT NULL,
                message_id BIGINT NOT NULL,
                kind       TEXT NOT NULL,
                PRIMARY KEY (lead_id, chat_id, message_id)
            );
            ALTER TABLE outbox ADD COLUMN about_lead BIGINT NULL;
            -- A keyed hash of each phone was written and never read: a copy of personal data with no use.
            DROP INDEX leads_phone_hash;
            ALTER TABLE leads DROP COLUMN phone_hash;
            -- Who looked at what: exports and statistics, by user id, chat and point. No person's data is written here.
            CREATE TABLE audit_log (
                id       INTEGER PRIMARY KEY AUTOINCREMENT,
                at       BIGINT NOT NULL,
                actor    BIGINT NOT NULL,
                chat_id  BIGINT NOT NULL,
                action   TEXT NOT NULL,
                point_id TEXT NULL
            );
            """),
        (9, """
            -- Exact coordinates are personal data: one text value ("latitude,longitude") that is encrypted like the other
            -- personal fields when a key is set. Values already stored are carried over as plain text, read as they are.
            ALTER TABLE leads ADD COLUMN location TEXT NULL;
            UPDATE leads SET location = CAST(latitude AS TEXT) || ',' || CAST(longitude AS TEXT) WHERE latitude IS NOT NULL AND longitude IS NOT NULL;
            ALTER TABLE leads DROP COLUMN latitude;
            ALTER TABLE leads DROP COLUMN longitude;
            -- The consent each request was made under: its version and time. It is what an erased or anonymised request
            -- keeps of the person, as the law asks. Requests already stored take the person's consent if it came before them.
            ALTER TABLE leads ADD COLUMN consent_version INTEGER NULL;
            ALTER TABLE leads ADD COLUMN consent_at BIGINT NULL;
            UPDATE leads SET
                consent_version = (SELECT p.consent_version FROM people p WHERE p.id = leads.person_id AND p.consent_at <= leads.created_at),
                consent_at = (SELECT p.consent_at FROM people p WHERE p.id = leads.person_id AND p.consent_at <= leads.created_at)
            WHERE person_id <> 0;
            """),
        (10, """
            -- The consultants' desk (a Mini App). Private notes on a request, for the point's consultants and the
            -- administrators only; a note may be personal, so its text is encrypted like a request's comment.
            CREATE TABLE desk_notes (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                lead_id     BIGINT NOT NULL,
                author_id   BIGINT NOT NULL,
                author_name TEXT NOT NULL,
                text        TEXT NOT NULL,
                at          BIGINT NOT NULL
            );
            CREATE INDEX desk_notes_lead ON desk_notes (lead_id, id);
            -- The message with the desk's button, sent once to each consultants' chat (again when the address changes).
            CREATE TABLE desk_invitations (
                chat_id BIGINT PRIMARY KEY,
                url     TEXT NOT NULL,
                sent_at BIGINT NOT NULL
            );
            -- Consultants whose menu button opens the desk, so it is taken away when they are no longer one.
            CREATE TABLE desk_menu_buttons (
                user_id BIGINT PRIMARY KEY,
                set_at  BIGINT NOT NULL
            );
            """),
        (11, """
            -- A consultants' chat reads its cards, reminders and notes in the language it chose with /language:
            -- 'kk' or 'ru'; NULL is Russian, as before.
            ALTER TABLE consultant_chats ADD COLUMN language TEXT NULL;
            """),
        (12, """
            -- Several instances on PostgreSQL: which instance received an update that is not handled yet, and which one
            -- claimed an outbox row. An instance holds a session advisory lock on its number while it lives, so what it
            -- took passes to the others as soon as it dies, not after a fixed lease. NULL on SQLite (one instance).
            ALTER TABLE inbox ADD COLUMN received_by INTEGER NULL;
            ALTER TABLE outbox ADD COLUMN claimed_by INTEGER NULL;
            """),
    ];
}
