using Ride.Common;

namespace Ride.Scenarios;

/// <summary>
/// Writes a new scenario folder that validates and passes Test-RideScenario as it stands: a small, complete
/// incident (a revoked privilege) whose files carry comments that teach the format, ready to be rewritten.
/// </summary>
public static class ScenarioScaffold
{
    public static string Create(string id, string root, string title, string topic, string level, bool overwrite)
    {
        if (!ScenarioIds.IsValid(id))
        {
            throw new RideException("InvalidScenarioId", RideErrorCategory.InvalidArgument,
                $"'{id}' is not a scenario id. Use stage-NN/MM-slug: two-digit stage and number, then a lower-case slug, e.g. stage-09/05-backward-incompatible-migration.", id);
        }

        var folder = Path.Combine(root, id.Replace('/', Path.DirectorySeparatorChar));
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any() && !overwrite)
        {
            throw new RideException("ScenarioExists", RideErrorCategory.ResourceExists,
                $"'{folder}' already exists and is not empty. Choose another id or -Path, or use -Force to overwrite its files.", folder);
        }

        Directory.CreateDirectory(Path.Combine(folder, "traps"));
        var yaml = ScenarioYaml
            .Replace("{{id}}", id, StringComparison.Ordinal)
            .Replace("{{title}}", title.Replace("\"", "'", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("{{topic}}", topic.Replace("\"", "'", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("{{level}}", level, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, ScenarioCatalog.FileName), yaml);
        File.WriteAllText(Path.Combine(folder, "setup.sql"), SetupSql);
        File.WriteAllText(Path.Combine(folder, "incident.sql"), IncidentSql);
        File.WriteAllText(Path.Combine(folder, "solution.sql"), SolutionSql);
        File.WriteAllText(Path.Combine(folder, "postmortem.md"), Postmortem.Replace("{{title}}", title, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(folder, "traps", "app-made-superuser.sql"), TrapSql);
        Directory.CreateDirectory(Path.Combine(folder, "solutions"));
        File.WriteAllText(Path.Combine(folder, "solutions", "psql-describe.sql"), AlternativeSql);
        Directory.CreateDirectory(Path.Combine(folder, "graded"));
        File.WriteAllText(Path.Combine(folder, "graded", "grant-without-looking.sql"), GradedSql);
        return folder;
    }

    private const string ScenarioYaml = """
        # scenario.yml: one incident drill. Ride reads every key below; docs/scenarios.md explains them in full.
        # Prove the folder with:  Test-RideScenario -Path <this folder> -Engine Local
        id: {{id}}
        title: "{{title}}"
        topic: "{{topic}}"
        level: {{level}}
        duration: 10-15 min

        # What the on-call operator is told: symptoms only, never the cause.
        briefing: >-
          Since the last deploy the catalog service answers every request with an
          error, while the database itself looks healthy. Find out why and restore
          service without handing the application more power than it needs.

        # Databases besides the default one, `incident`. Faults often hide outside it.
        databases: [app_db]
        # Extra server settings for this scenario (applied at boot), e.g. {max_connections: "40"}.
        settings: {}
        # The operator's role (a superuser); the human connects as it and Submit-RideFix runs as it.
        operatorRole: dba
        # Application roles: created with random passwords, never superusers.
        roles:
          - name: app_user

        # Scripts run through psql as ride_system, connected to `incident` (\connect switches database).
        setup: [setup.sql]
        # The breaking change, applied once the actors are connected.
        incident: incident.sql
        postmortem: postmortem.md
        solution: solution.sql

        # The live applications. mode loop runs the statements every intervalMs; hold keeps a transaction
        # open after running them; idle runs them once and keeps the connection. connectPerRequest: true
        # opens a connection per request so refused connections show as failures.
        actors:
          - name: catalog_app
            applicationName: catalog_api
            database: app_db
            role: app_user
            connections: 2
            mode: loop
            intervalMs: 300
            sql:
              - SELECT id, name, price_cents FROM products WHERE id = (SELECT floor(random() * 1000)::int + 1)

        # What "the incident is live" means: Start and Reset return only once this query returns true (first
        # column; the second says what it saw) and the listed loop actors have run a request since the incident.
        liveWhen:
          database: app_db
          sql: |
            SELECT NOT has_table_privilege('app_user', 'public.products', 'SELECT'),
                   'app_user may read products: ' || has_table_privilege('app_user', 'public.products', 'SELECT')
          actors: [catalog_app]

        # Staged hints, from a nudge to the answer. Every hint used is reported with the score.
        hints:
          - The application logs one error over and over (Get-RideLog). What does it say about products?
          - Compare what app_user may do on app_db.products with what the application needs (\dp products).
          - Give app_user back SELECT on products, and nothing more.

        # Checks return one row: a boolean (passed) and optional evidence text. Detect 40, Fix 40, Trap 20.
        checks:
          detect:
            # Detect reads the operator's own statements, in order: the mechanism looked at, in the database where
            # it can be seen, before the change it decides. Using Get-RideLog counts too.
            - name: privileges-inspected
              description: Looked at the privileges on products in app_db (\dp, has_table_privilege or information_schema) before granting anything, or read the application's errors.
              points: 40
              looked:
                any: ['\brelacl\b', '\bhas_table_privilege\b', '\btable_privileges\b']
                database: app_db
                before: ['^\s*(grant|revoke|alter\s+role)\b']
              commands: [Get-RideLog]
          fix:
            - name: app-can-read
              description: The application's own query succeeds again, replayed as the application.
              points: 40
              workload: [catalog_app]
          trap:
            # Trap checks pass when the trap was avoided; traps/<name>.sql must spring exactly this check.
            - name: app-made-superuser
              description: Did not make the application role a superuser.
              points: 20
              sql: SELECT NOT rolsuper, CASE WHEN rolsuper THEN 'app_user is a superuser' ELSE 'app_user is not a superuser' END FROM pg_roles WHERE rolname = 'app_user'

        # Every drill also gets the catalog's traps for the recurring dangerous moves (docs/scenarios.md, section 8).
        # app-made-superuser is this drill's own superuser-granted, so that one is exempt; the fix belongs in app_db.
        catalogTraps:
          exempt: [superuser-granted]
          fixDatabases: [app_db]
        """;

    private const string SetupSql = """
        -- setup.sql: schema and data, deterministic (no random()), small enough to seed in well under a second.
        \connect app_db
        CREATE TABLE products (id integer PRIMARY KEY, name text NOT NULL, price_cents integer NOT NULL);
        INSERT INTO products SELECT g, 'product ' || g, (g * 37) % 10000 + 100 FROM generate_series(1, 1000) AS g;
        ANALYZE products;
        GRANT CONNECT ON DATABASE app_db TO app_user;
        GRANT USAGE ON SCHEMA public TO app_user;
        GRANT SELECT ON products TO app_user;

        """;

    private const string IncidentSql = """
        -- incident.sql: the breaking change, applied while the actors run (Reset applies it again).
        \connect app_db
        REVOKE SELECT ON products FROM app_user;

        """;

    private const string SolutionSql = """
        -- solution.sql: the reference fix, with the diagnostics a good operator runs. It must score 100.
        \connect app_db
        SELECT grantee, privilege_type FROM information_schema.table_privileges WHERE table_name = 'products';
        GRANT SELECT ON products TO app_user;

        """;

    private const string AlternativeSql = """
        -- solutions/psql-describe.sql: another correct fix, in another style. Every file here must score 100 too.
        \connect app_db
        \dp products
        GRANT SELECT ON TABLE public.products TO app_user;

        """;

    private const string GradedSql = """
        -- grade: detect 0, fix 40, trap 20
        -- graded/grant-without-looking.sql: a partial fix and the grade a careful grader gave it (first line). The
        -- repair is right, but nothing shows how the operator knew what was wrong, so it earns no Detect.
        \connect app_db
        GRANT SELECT ON products TO app_user;

        """;

    private const string TrapSql = """
        -- traps/app-made-superuser.sql: the tempting wrong fix. It must fail exactly the trap check of the same name.
        ALTER ROLE app_user SUPERUSER;

        """;

    private const string Postmortem = """
        # Postmortem: {{title}}

        ## Root cause
        A deploy revoked SELECT on app_db.products from app_user, the role the catalog service uses.

        ## How it was found
        The application log showed 42501 (insufficient privilege) on every request; `\dp products` showed
        that app_user had lost SELECT.

        ## The fix
        `GRANT SELECT ON products TO app_user;` in app_db.

        ## What not to do
        Making the application a superuser "fixes" it by removing every safeguard.

        ## Lesson
        Review privilege changes in migrations like code, and grant the least the application needs.

        """;
}
