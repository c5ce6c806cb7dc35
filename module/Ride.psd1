@{
    RootModule           = 'Ride.Cmdlets.dll'
    ModuleVersion        = '{{ModuleVersion}}'
    GUID                 = '5f0c8a4e-3b7d-4e21-9a6c-2d1f7be04c93'
    Author               = 'Ride contributors'
    CompanyName          = 'Ride'
    Copyright            = '(c) Ride contributors. MIT License.'
    Description          = 'Replays real PostgreSQL production incidents in a disposable sandbox with live application sessions, takes your fix as SQL and scores it on Detect / Fix / Trap.'
    CompatiblePSEditions = @('Core')
    PowerShellVersion    = '7.4'
    FormatsToProcess     = @('Ride.Format.ps1xml')
    CmdletsToExport      = @(
        'Get-RideScenario'
        'Start-RideScenario'
        'Get-RideSession'
        'Get-RideActivity'
        'Get-RideHint'
        'Get-RideLog'
        'Submit-RideFix'
        'Get-RideScore'
        'Get-RidePostmortem'
        'Reset-RideScenario'
        'Stop-RideScenario'
        'Test-RideScenario'
        'New-RideScenario'
        'Invoke-RideAction'
        'Invoke-Ride'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @('ride')
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('PostgreSQL', 'Postgres', 'Incident', 'Training', 'OnCall', 'SRE', 'DBA', 'Drill', 'Docker', 'Linux', 'PSEdition_Core')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ReleaseNotes = @'
First release.
- Incident drills from the scenario catalog, starting with stage-09/05 (backward-incompatible migration).
- Local (initdb/pg_ctl) and Docker engines; sessions that outlive the pwsh that started them.
- Detect / Fix / Trap scoring with every check's evidence, staged hints and postmortems.
- Test-RideScenario and New-RideScenario for scenario authors.
- The ride front door: ride postgres start stage-09/05-backward-incompatible-migration.
'@
        }
    }
}
