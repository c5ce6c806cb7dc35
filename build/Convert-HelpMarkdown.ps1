<#
.SYNOPSIS
    Converts Ride's platyPS-schema markdown help into MAML and about-topic text.

.DESCRIPTION
    Reads every docs/help/<Verb-Noun>.md (platyPS markdown schema 2.0.0) and writes one
    <AssemblyName>.dll-Help.xml in the MAML format Get-Help reads for binary cmdlets, and turns
    every about_*.md into about_*.help.txt (plain text, wrapped at 80 columns).

    A cmdlet file that lacks SYNOPSIS, DESCRIPTION, EXAMPLES or PARAMETERS, an empty or
    placeholder section, an example without code, or a parameter without a description or a
    yaml block stops the conversion with an error naming the file and the section.

.EXAMPLE
    ./build/Convert-HelpMarkdown.ps1 -SourcePath ./docs/help -DestinationPath ./out/Ride/en-US -ModuleName Ride -AssemblyName Ride.Cmdlets
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $SourcePath,

    [Parameter(Mandatory)]
    [string] $DestinationPath,

    [string] $ModuleName = 'Ride',

    [string] $AssemblyName = 'Ride.Cmdlets'
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$RequiredSections = 'SYNOPSIS', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS'

function Stop-Conversion([string] $File, [string] $Section, [string] $Message) {
    throw "Help conversion failed: $([IO.Path]::GetFileName($File)), section '$Section': $Message"
}

function Get-Escaped([AllowNull()][string] $Text) {
    if ($null -eq $Text) { return '' }
    [Security.SecurityElement]::Escape($Text)
}

#region Markdown reading

# Splits lines into blocks under headings of one level ('#', '##' or '###'), ignoring
# anything that looks like a heading inside fenced code.
function Split-Heading([string[]] $Lines, [int] $Level) {
    $marker = ('#' * $Level) + ' '
    $blocks = [Collections.Generic.List[object]]::new()
    $current = [pscustomobject]@{ Title = $null; Lines = [Collections.Generic.List[string]]::new() }
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^\s*(```|~~~)') { $inFence = -not $inFence }
        if (-not $inFence -and $line.StartsWith($marker)) {
            $blocks.Add($current)
            $current = [pscustomobject]@{ Title = $line.Substring($marker.Length).Trim(); Lines = [Collections.Generic.List[string]]::new() }
            continue
        }
        $current.Lines.Add($line)
    }
    $blocks.Add($current)
    $blocks
}

# Text paragraphs and fenced code blocks, in order. Paragraph lines are joined with spaces;
# each list item becomes its own paragraph.
function Get-Chunk([string[]] $Lines) {
    $chunks = [Collections.Generic.List[object]]::new()
    $buffer = [Collections.Generic.List[string]]::new()
    $fence = $null
    $language = ''

    $flush = {
        if ($buffer.Count -gt 0) {
            $chunks.Add([pscustomobject]@{ Kind = 'Text'; Language = ''; Text = ($buffer -join ' ') })
            $buffer.Clear()
        }
    }

    foreach ($line in $Lines) {
        if ($null -ne $fence) {
            if ($line.Trim() -eq $fence) {
                $chunks.Add([pscustomobject]@{ Kind = 'Code'; Language = $language; Text = ($buffer -join "`n") })
                $buffer.Clear()
                $fence = $null
            }
            else {
                $buffer.Add($line)
            }
            continue
        }
        if ($line -match '^\s*(```|~~~)\s*([\w-]*)') {
            & $flush
            $fence = $Matches[1]
            $language = $Matches[2]
            continue
        }
        if ($line.Trim() -eq '') { & $flush; continue }
        if ($line -match '^\s*([-*+]|\d+\.)\s+') { & $flush }
        $buffer.Add($line.Trim())
    }
    if ($null -ne $fence) { throw 'unclosed code fence' }
    & $flush
    $chunks
}

# Inline markdown that reads badly in a console: `code`, **bold**, [text](link), \escapes.
function ConvertTo-PlainText([string] $Text) {
    $Text = [regex]::Replace($Text, '\[([^\]]+)\]\(([^)]*)\)', {
            param($m)
            $target = $m.Groups[2].Value
            if ($target -match '^https?://') { "$($m.Groups[1].Value) ($target)" } else { $m.Groups[1].Value }
        })
    $Text = $Text -replace '\*\*([^*]+)\*\*', '$1' -replace '`([^`]+)`', '$1'
    $Text -replace '\\([\\`*_{}\[\]()#+\-.!<>])', '$1'
}

function Get-Paragraph([string[]] $Lines) {
    foreach ($chunk in (Get-Chunk $Lines)) {
        if ($chunk.Kind -eq 'Text') { ConvertTo-PlainText $chunk.Text } else { $chunk.Text }
    }
}

function Test-Placeholder([string[]] $Paragraphs) {
    $text = ($Paragraphs -join '').Trim()
    $text -eq '' -or $text -match '^\{\{.*\}\}$'
}

# The "Key: value" lines of a platyPS parameter yaml block.
function ConvertFrom-ParameterYaml([string] $Text) {
    $map = @{}
    foreach ($line in $Text -split "`n") {
        if ($line -match '^\s*([A-Za-z][A-Za-z ]*?)\s*:\s*(.*)$') { $map[$Matches[1]] = $Matches[2].Trim() }
    }
    $map
}

#endregion

#region Cmdlet model

function Read-CmdletHelp([string] $File) {
    $lines = [IO.File]::ReadAllLines($File)
    if ($lines.Count -gt 0 -and $lines[0].Trim() -eq '---') {
        $end = [Array]::IndexOf($lines, '---', 1)
        if ($end -lt 0) { Stop-Conversion $File 'front matter' "the closing '---' is missing" }
        $front = ConvertFrom-ParameterYaml ($lines[1..($end - 1)] -join "`n")
        if ($front['Module Name'] -and $front['Module Name'] -ne $ModuleName) {
            Stop-Conversion $File 'front matter' "Module Name is '$($front['Module Name'])', expected '$ModuleName'"
        }
        if ($front['external help file'] -and $front['external help file'] -ne "$AssemblyName.dll-Help.xml") {
            Stop-Conversion $File 'front matter' "external help file is '$($front['external help file'])', expected '$AssemblyName.dll-Help.xml'"
        }
        $lines = $lines[($end + 1)..($lines.Count - 1)]
    }

    if (@($lines -match '^\s*(```|~~~)').Count % 2) { Stop-Conversion $File 'markdown' 'a code fence is not closed' }

    $title = Split-Heading $lines 1 | Where-Object Title | Select-Object -First 1
    if (-not $title) { Stop-Conversion $File 'title' "no '# Verb-Noun' heading" }
    $name = $title.Title
    $expected = [IO.Path]::GetFileNameWithoutExtension($File)
    if ($name -ne $expected) { Stop-Conversion $File 'title' "the heading '# $name' does not match the file name '$expected'" }

    $sections = @{}
    foreach ($block in (Split-Heading $title.Lines 2)) {
        if ($block.Title) { $sections[$block.Title.ToUpperInvariant()] = [string[]] $block.Lines }
    }
    foreach ($required in $RequiredSections) {
        if (-not $sections.ContainsKey($required)) { Stop-Conversion $File $required 'the section is missing' }
    }

    $synopsis = @(Get-Paragraph $sections['SYNOPSIS'])
    if (Test-Placeholder $synopsis) { Stop-Conversion $File 'SYNOPSIS' 'the section is empty' }
    $description = @(Get-Paragraph $sections['DESCRIPTION'])
    if (Test-Placeholder $description) { Stop-Conversion $File 'DESCRIPTION' 'the section is empty' }

    $help = [pscustomobject]@{
        File        = $File
        Name        = $name
        Synopsis    = $synopsis -join ' '
        Description = $description
        Syntax      = @(Read-Syntax $File $sections['SYNTAX'])
        Parameters  = @(Read-Parameter $File $sections['PARAMETERS'])
        Examples    = @(Read-Example $File $sections['EXAMPLES'])
        Inputs      = @(Read-TypeList $sections['INPUTS'])
        Outputs     = @(Read-TypeList $sections['OUTPUTS'])
        Notes       = @(if ($sections['NOTES']) { Get-Paragraph $sections['NOTES'] })
        Links       = @(Read-Link $sections['RELATED LINKS'])
    }
    if ($help.Syntax.Count -eq 0) {
        # No SYNTAX section: one syntax line with every parameter.
        $help.Syntax = @([pscustomobject]@{ Name = '__AllParameterSets'; IsDefault = $true; Parameters = @($help.Parameters | ForEach-Object Name) })
    }
    Test-SyntaxAgainstParameter $help
    $help
}

# One entry per parameter set: its name and the parameter names in the order the syntax shows them.
function Read-Syntax([string] $File, [string[]] $Lines) {
    if (-not $Lines) { return }
    foreach ($block in (Split-Heading $Lines 3)) {
        $code = Get-Chunk $block.Lines | Where-Object Kind -EQ 'Code' | Select-Object -First 1
        if (-not $code) {
            if ($block.Title) { Stop-Conversion $File 'SYNTAX' "'### $($block.Title)' has no syntax code block" }
            continue
        }
        $setName = if ($block.Title) { ($block.Title -replace '\(Default\)', '').Trim() } else { '__AllParameterSets' }
        [pscustomobject]@{
            Name       = $setName
            IsDefault  = [bool]($block.Title -match '\(Default\)')
            Parameters = @([regex]::Matches($code.Text, '(?<![\w-])-(\w+)') | ForEach-Object { $_.Groups[1].Value })
        }
    }
}

function Read-Parameter([string] $File, [string[]] $Lines) {
    foreach ($block in (Split-Heading $Lines 3)) {
        if (-not $block.Title -or $block.Title -eq 'CommonParameters') { continue }
        if ($block.Title -notmatch '^-(\w+)$') { Stop-Conversion $File 'PARAMETERS' "'### $($block.Title)' is not a '### -Name' heading" }
        $paramName = $Matches[1]
        $chunks = @(Get-Chunk $block.Lines)
        $text = @($chunks | Where-Object Kind -EQ 'Text' | ForEach-Object { ConvertTo-PlainText $_.Text })
        $yaml = @($chunks | Where-Object { $_.Kind -eq 'Code' -and $_.Language -eq 'yaml' } | ForEach-Object { ConvertFrom-ParameterYaml $_.Text })
        if (Test-Placeholder $text) { Stop-Conversion $File "PARAMETERS -$paramName" 'the parameter has no description' }
        if ($yaml.Count -eq 0) { Stop-Conversion $File "PARAMETERS -$paramName" 'the parameter has no yaml block' }

        # A parameter may have one yaml block per group of parameter sets (platyPS does this when
        # Required or Position differ between sets).
        $variants = foreach ($map in $yaml) {
            foreach ($key in 'Type', 'Required', 'Position') {
                if (-not $map[$key]) { Stop-Conversion $File "PARAMETERS -$paramName" "the yaml block has no '$key'" }
            }
            $sets = if ($map['Parameter Sets']) { $map['Parameter Sets'] } else { '(All)' }
            $pipeline = if ($map['Accept pipeline input']) { $map['Accept pipeline input'] } else { 'False' }
            [pscustomobject]@{
                Sets           = @($sets -split ',' | ForEach-Object Trim)
                Type           = $map['Type']
                Required       = $map['Required'] -match '^true'
                Position       = if ($map['Position'] -match '^\d+$') { $map['Position'] } else { 'named' }
                Default        = if ($map['Default value']) { $map['Default value'] } else { 'None' }
                PipelineInput  = $pipeline
                Globbing       = $map['Accept wildcard characters'] -match '^true'
                Aliases        = if ($map['Aliases']) { $map['Aliases'] } else { 'none' }
                AcceptedValues = @(if ($map['Accepted values']) { $map['Accepted values'] -split ',' | ForEach-Object Trim })
            }
        }
        [pscustomobject]@{ Name = $paramName; Description = $text; Variants = @($variants) }
    }
}

function Read-Example([string] $File, [string[]] $Lines) {
    $examples = foreach ($block in (Split-Heading $Lines 3)) {
        if (-not $block.Title) { continue }
        $chunks = @(Get-Chunk $block.Lines)
        $code = @($chunks | Where-Object Kind -EQ 'Code' | ForEach-Object Text)
        if ($code.Count -eq 0) { Stop-Conversion $File "EXAMPLES '$($block.Title)'" 'the example has no code block' }
        [pscustomobject]@{
            Title   = $block.Title
            Code    = $code -join "`n`n"
            Remarks = @($chunks | Where-Object Kind -EQ 'Text' | ForEach-Object { ConvertTo-PlainText $_.Text })
        }
    }
    if (@($examples).Count -eq 0) { Stop-Conversion $File 'EXAMPLES' "no '### Example' found" }
    $examples
}

function Read-TypeList([string[]] $Lines) {
    if (-not $Lines) { return }
    foreach ($block in (Split-Heading $Lines 3)) {
        if (-not $block.Title) { continue }
        [pscustomobject]@{ Type = $block.Title; Description = @(Get-Paragraph $block.Lines) }
    }
}

function Read-Link([string[]] $Lines) {
    foreach ($line in $Lines) {
        if ($line -match '\[([^\]]+)\]\(([^)]*)\)') {
            $uri = if ($Matches[2] -match '^https?://') { $Matches[2] } else { '' }
            [pscustomobject]@{ Text = $Matches[1]; Uri = $uri }
        }
    }
}

# The syntax and the parameter list must agree: a parameter named in a syntax block must be
# documented, and every set a parameter claims must exist in SYNTAX.
function Test-SyntaxAgainstParameter($Help) {
    $names = @($Help.Parameters | ForEach-Object Name)
    $setNames = @($Help.Syntax | ForEach-Object Name)
    foreach ($set in $Help.Syntax) {
        foreach ($p in $set.Parameters) {
            if ($p -notin $names) { Stop-Conversion $Help.File 'PARAMETERS' "-$p appears in the syntax$(if ($set.Name -ne '__AllParameterSets') { " of '$($set.Name)'" }) but is not documented" }
        }
    }
    foreach ($p in $Help.Parameters) {
        foreach ($set in $p.Variants.Sets) {
            if ($set -ne '(All)' -and $set -notin $setNames) {
                Stop-Conversion $Help.File "PARAMETERS -$($p.Name)" "parameter set '$set' is not in SYNTAX"
            }
        }
    }
}

#endregion

#region MAML writing

function Get-ParaXml([string[]] $Paragraphs, [string] $Indent) {
    ($Paragraphs | ForEach-Object { "$Indent<maml:para>$(Get-Escaped $_)</maml:para>" }) -join "`n"
}

function Get-ParameterXml($Parameter, $Variant, [string] $Indent, [switch] $InSyntax) {
    $isSwitch = $Variant.Type -eq 'SwitchParameter'
    $attributes = 'required="{0}" variableLength="{1}" globbing="{2}" pipelineInput="{3}" position="{4}" aliases="{5}"' -f @(
        "$($Variant.Required)".ToLowerInvariant()
        "$($Variant.Type.EndsWith('[]'))".ToLowerInvariant()
        "$($Variant.Globbing)".ToLowerInvariant()
        (Get-Escaped $Variant.PipelineInput)
        $Variant.Position
        (Get-Escaped $Variant.Aliases))
    $type = Get-Escaped $Variant.Type
    $xml = [Text.StringBuilder]::new()
    [void] $xml.AppendLine("$Indent<command:parameter $attributes>")
    [void] $xml.AppendLine("$Indent  <maml:name>$(Get-Escaped $Parameter.Name)</maml:name>")
    [void] $xml.AppendLine("$Indent  <maml:description>")
    [void] $xml.AppendLine((Get-ParaXml $Parameter.Description "$Indent    "))
    [void] $xml.AppendLine("$Indent  </maml:description>")
    if ($InSyntax -and $Variant.AcceptedValues.Count -gt 0) {
        [void] $xml.AppendLine("$Indent  <command:parameterValueGroup>")
        foreach ($value in $Variant.AcceptedValues) {
            [void] $xml.AppendLine("$Indent    <command:parameterValue required=`"false`" command:variableLength=`"false`">$(Get-Escaped $value)</command:parameterValue>")
        }
        [void] $xml.AppendLine("$Indent  </command:parameterValueGroup>")
    }
    elseif (-not ($InSyntax -and $isSwitch)) {
        $valueRequired = (-not $isSwitch).ToString().ToLowerInvariant()
        [void] $xml.AppendLine("$Indent  <command:parameterValue required=`"$valueRequired`" variableLength=`"false`">$type</command:parameterValue>")
    }
    [void] $xml.AppendLine("$Indent  <dev:type>")
    [void] $xml.AppendLine("$Indent    <maml:name>$type</maml:name>")
    [void] $xml.AppendLine("$Indent    <maml:uri />")
    [void] $xml.AppendLine("$Indent  </dev:type>")
    [void] $xml.AppendLine("$Indent  <dev:defaultValue>$(Get-Escaped $Variant.Default)</dev:defaultValue>")
    [void] $xml.Append("$Indent</command:parameter>")
    $xml.ToString()
}

function Get-TypeListXml($Types, [string] $ListName, [string] $ItemName) {
    if ($Types.Count -eq 0) { return "    <command:$ListName />" }
    $items = foreach ($t in $Types) {
        @"
      <command:$ItemName>
        <dev:type>
          <maml:name>$(Get-Escaped $t.Type)</maml:name>
        </dev:type>
        <maml:description>
$(Get-ParaXml $t.Description '          ')
        </maml:description>
      </command:$ItemName>
"@
    }
    "    <command:$ListName>`n$($items -join "`n")`n    </command:$ListName>"
}

function ConvertTo-CommandXml($Help) {
    $verb, $noun = $Help.Name -split '-', 2

    $syntaxItems = foreach ($set in $Help.Syntax) {
        # The parameters of this set, in the order its syntax block shows them.
        $members = foreach ($p in $Help.Parameters) {
            $variant = $p.Variants | Where-Object { $_.Sets -contains '(All)' -or $_.Sets -contains $set.Name -or $set.Name -eq '__AllParameterSets' } | Select-Object -First 1
            if ($variant) {
                $order = [Array]::IndexOf([string[]] $set.Parameters, $p.Name)
                [pscustomobject]@{ Parameter = $p; Variant = $variant; Order = if ($order -lt 0) { [int]::MaxValue } else { $order } }
            }
        }
        $members = $members | Sort-Object Order
        @"
      <command:syntaxItem>
        <maml:name>$(Get-Escaped $Help.Name)</maml:name>
$(($members | ForEach-Object { Get-ParameterXml $_.Parameter $_.Variant '        ' -InSyntax }) -join "`n")
      </command:syntaxItem>
"@
    }

    $parameters = foreach ($p in $Help.Parameters) { Get-ParameterXml $p $p.Variants[0] '      ' }

    $i = 0
    $examples = foreach ($example in $Help.Examples) {
        $i++
        $title = if ($example.Title -match '^Example\s+\d+') { $example.Title } else { "Example ${i}: $($example.Title)" }
        $dashes = '-' * [Math]::Max(4, [Math]::Floor((74 - $title.Length) / 2))
        @"
      <command:example>
        <maml:title>$dashes $(Get-Escaped $title) $dashes</maml:title>
        <dev:code>$(Get-Escaped $example.Code)</dev:code>
        <dev:remarks>
$(Get-ParaXml $example.Remarks '          ')
          <maml:para></maml:para>
        </dev:remarks>
      </command:example>
"@
    }

    $links = foreach ($link in $Help.Links) {
        @"
      <maml:navigationLink>
        <maml:linkText>$(Get-Escaped $link.Text)</maml:linkText>
        <maml:uri>$(Get-Escaped $link.Uri)</maml:uri>
      </maml:navigationLink>
"@
    }

    @"
  <command:command xmlns:maml="http://schemas.microsoft.com/maml/2004/10" xmlns:command="http://schemas.microsoft.com/maml/dev/command/2004/10" xmlns:dev="http://schemas.microsoft.com/maml/dev/2004/10">
    <command:details>
      <command:name>$(Get-Escaped $Help.Name)</command:name>
      <command:verb>$(Get-Escaped $verb)</command:verb>
      <command:noun>$(Get-Escaped $noun)</command:noun>
      <maml:description>
        <maml:para>$(Get-Escaped $Help.Synopsis)</maml:para>
      </maml:description>
    </command:details>
    <maml:description>
$(Get-ParaXml $Help.Description '      ')
    </maml:description>
    <command:syntax>
$($syntaxItems -join "`n")
    </command:syntax>
    <command:parameters>
$($parameters -join "`n")
    </command:parameters>
$(Get-TypeListXml $Help.Inputs 'inputTypes' 'inputType')
$(Get-TypeListXml $Help.Outputs 'returnValues' 'returnValue')
    <maml:alertSet>
      <maml:alert>
$(Get-ParaXml $Help.Notes '        ')
      </maml:alert>
    </maml:alertSet>
    <command:examples>
$($examples -join "`n")
    </command:examples>
    <maml:relatedLinks>
$($links -join "`n")
    </maml:relatedLinks>
  </command:command>
"@
}

#endregion

#region About topics

function Format-Wrapped([string] $Text, [int] $Indent, [int] $HangingIndent = $Indent, [int] $Width = 80) {
    $lines = [Collections.Generic.List[string]]::new()
    $line = ' ' * $Indent
    $empty = $true
    foreach ($word in ($Text -split '\s+' | Where-Object { $_ })) {
        if (-not $empty -and $line.Length + 1 + $word.Length -gt $Width) {
            $lines.Add($line)
            $line = ' ' * $HangingIndent
            $empty = $true
        }
        $line += $(if ($empty) { $word } else { " $word" })
        $empty = $false
    }
    if (-not $empty) { $lines.Add($line) }
    $lines
}

function ConvertTo-AboutText([string] $File) {
    $lines = [IO.File]::ReadAllLines($File)
    if ($lines.Count -gt 0 -and $lines[0].Trim() -eq '---') {
        $end = [Array]::IndexOf($lines, '---', 1)
        $lines = $lines[($end + 1)..($lines.Count - 1)]
    }
    $out = [Collections.Generic.List[string]]::new()
    $body = 4
    $inFence = $false
    $headingEnd = -1
    $table = [Collections.Generic.List[object]]::new()
    $paragraph = [Collections.Generic.List[string]]::new()
    $flush = {
        if ($paragraph.Count -gt 0) {
            $text = ConvertTo-PlainText ($paragraph -join ' ')
            if ($text -match '^([-*+]|\d+\.)\s+') {
                $bullet = $Matches[0]
                $item = $text.Substring($bullet.Length)
                $marker = if ($bullet.Trim() -match '^\d') { $bullet.Trim() + ' ' } else { '- ' }
                $wrapped = @(Format-Wrapped $item ($body + $marker.Length) ($body + $marker.Length))
                $wrapped[0] = (' ' * $body) + $marker + $wrapped[0].TrimStart()
                $wrapped | ForEach-Object { $out.Add($_) }
            }
            else {
                Format-Wrapped $text $body | ForEach-Object { $out.Add($_) }
                $out.Add('')
            }
            $paragraph.Clear()
        }
    }

    # Tables are printed with their columns aligned, without the markdown rules.
    $flushTable = {
        if ($table.Count -gt 0) {
            $widths = foreach ($i in 0..($table[0].Count - 1)) { ($table | ForEach-Object { "$($_[$i])".Length } | Measure-Object -Maximum).Maximum }
            foreach ($row in $table) {
                $cells = for ($i = 0; $i -lt $row.Count; $i++) { "$($row[$i])".PadRight($widths[$i]) }
                $out.Add(((' ' * $body) + ($cells -join '  ')).TrimEnd())
            }
            $out.Add('')
            $table.Clear()
        }
    }

    foreach ($line in $lines) {
        if ($line -match '^\s*(```|~~~)') {
            & $flush
            $inFence = -not $inFence
            if (-not $inFence) { $out.Add('') }
            continue
        }
        if ($inFence) {
            $code = ((' ' * ($body + 4)) + $line).TrimEnd()
            if ($code.Length -gt 80) { Write-Warning "$([IO.Path]::GetFileName($File)): a code line is longer than 80 columns: $($line.Trim())" }
            $out.Add($code)
            continue
        }
        if ($line -match '^\s*\|') {
            & $flush
            if ($line -notmatch '^\s*\|[\s:|-]+\|\s*$') {
                $table.Add(@($line.Trim().Trim('|') -split '\|' | ForEach-Object { ConvertTo-PlainText $_.Trim() }))
            }
            continue
        }
        & $flushTable
        if ($line -match '^(#{1,6})\s+(.*)$') {
            & $flush
            if ($out.Count -gt 0 -and $out[$out.Count - 1] -ne '') { $out.Add('') }
            $level = $Matches[1].Length
            $title = ConvertTo-PlainText $Matches[2].Trim()
            if ($level -eq 1) { $out.Add('TOPIC'); $out.Add('    ' + $title); $out.Add('') }
            elseif ($level -eq 2) { $out.Add($title.ToUpperInvariant()); $headingEnd = $out.Count }
            else { $out.Add('    ' + $title.ToUpperInvariant()) }
            continue
        }
        if ($line.Trim() -eq '') {
            & $flush
            # One blank line between blocks, none right after a heading.
            if ($out.Count -gt 0 -and $out[$out.Count - 1] -ne '' -and $out.Count -ne $headingEnd) { $out.Add('') }
            continue
        }
        if ($line -match '^\s*([-*+]|\d+\.)\s+') { & $flush }
        $paragraph.Add($line.Trim())
    }
    if ($inFence) { Stop-Conversion $File 'about' 'unclosed code fence' }
    & $flushTable
    & $flush
    while ($out.Count -gt 0 -and $out[$out.Count - 1] -eq '') { $out.RemoveAt($out.Count - 1) }
    ($out -join [Environment]::NewLine) + [Environment]::NewLine
}

#endregion

if (-not (Test-Path -LiteralPath $SourcePath -PathType Container)) { throw "Help source folder not found: $SourcePath" }
$null = New-Item -ItemType Directory -Force -Path $DestinationPath
$utf8 = [Text.UTF8Encoding]::new($false)

$cmdletFiles = @(Get-ChildItem -LiteralPath $SourcePath -Filter '*-*.md' -File | Sort-Object Name)
if ($cmdletFiles.Count -eq 0) { throw "No cmdlet help (Verb-Noun.md) found in $SourcePath" }
$commands = foreach ($file in $cmdletFiles) {
    Write-Verbose "Reading $($file.Name)"
    ConvertTo-CommandXml (Read-CmdletHelp $file.FullName)
}
$xml = @"
<?xml version="1.0" encoding="utf-8"?>
<helpItems schema="maml" xmlns="http://msh">
$($commands -join "`n")
</helpItems>
"@
try { [void] ([xml] $xml) } catch { throw "The generated MAML is not well-formed XML: $($_.Exception.Message)" }
$mamlPath = Join-Path $DestinationPath "$AssemblyName.dll-Help.xml"
[IO.File]::WriteAllText($mamlPath, $xml, $utf8)
Write-Verbose "Wrote $mamlPath ($($cmdletFiles.Count) commands)"

$aboutFiles = @(Get-ChildItem -LiteralPath $SourcePath -Filter 'about_*.md' -File)
if (-not ($aboutFiles.BaseName -contains "about_$ModuleName")) { throw "about_$ModuleName.md is missing from $SourcePath" }
foreach ($file in $aboutFiles) {
    $target = Join-Path $DestinationPath "$($file.BaseName).help.txt"
    [IO.File]::WriteAllText($target, (ConvertTo-AboutText $file.FullName), $utf8)
    Write-Verbose "Wrote $target"
}
