<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
<context>
    <name>Alignment</name>
    <message>
        <location filename="../../desktop/meelezer/audio/alignment/aligner.py" line="+73" />
        <source>The transcript has no text to sync to the audio.</source>
        <translation>Het transcript heeft geen tekst om met de audio te synchroniseren.</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/audio/alignment/synthesis.py" line="+89" />
        <source>Syncing to audio needs espeak-ng, which is not installed ({reason}). Install the espeak-ng package and try again.</source>
        <translation>Synchroniseren met de audio heeft espeak-ng nodig, en dat is niet geïnstalleerd ({reason}). Installeer het pakket espeak-ng en probeer het opnieuw.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>espeak-ng could not start (its voice data is missing?). Reinstall the espeak-ng package and try again.</source>
        <translation>espeak-ng kon niet starten (ontbreken de stemgegevens?). Installeer het pakket espeak-ng opnieuw en probeer het nog eens.</translation>
    </message>
    <message>
        <location line="+20" />
        <source>espeak-ng has no voice for the language "{language}". Choose Dutch or English.</source>
        <translation>espeak-ng heeft geen stem voor de taal "{language}". Kies Nederlands of Engels.</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/audio/alignment/phonetic.py" line="+77" />
        <source>Word times can be found for Dutch and English only, not for "{language}". Choose Dutch or English.</source>
        <translation>Woordtijden zijn alleen te vinden voor Nederlands en Engels, niet voor "{language}". Kies Nederlands of Engels.</translation>
    </message>
    <message>
        <location line="+92" />
        <source>Word times need the pocketsphinx package, which is missing ({reason}). Reinstall Meelezer and try again.</source>
        <translation>Voor woordtijden is het pakket pocketsphinx nodig, en dat ontbreekt ({reason}). Installeer Meelezer opnieuw en probeer het nog eens.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>pocketsphinx could not load its speech model ({reason}). Reinstall Meelezer and try again.</source>
        <translation>pocketsphinx kon zijn spraakmodel niet laden ({reason}). Installeer Meelezer opnieuw en probeer het nog eens.</translation>
    </message>
</context>
<context>
    <name>AnalysisController</name>
    <message>
        <location filename="../../desktop/meelezer/ui/analysis_controller.py" line="+143" />
        <source>The audio could not be analysed: {reason}</source>
        <translation>De audio kon niet worden geanalyseerd: {reason}</translation>
    </message>
</context>
<context>
    <name>AnalysisProgress</name>
    <message>
        <location filename="../../desktop/meelezer/ui/analysis_progress.py" line="+20" />
        <source>Analysing audio</source>
        <translation>Audio analyseren</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Audio analysis progress</source>
        <translation>Voortgang van de audioanalyse</translation>
    </message>
    <message>
        <location line="+2" />
        <location filename="../../desktop/meelezer/ui/voices/panel.py" line="+145" />
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stop analysing the audio (it starts again the next time the episode is opened)</source>
        <translation>Stoppen met het analyseren van de audio (het begint opnieuw wanneer de aflevering weer wordt geopend)</translation>
    </message>
</context>
<context>
    <name>AnnotationWiring</name>
    <message>
        <location filename="../../desktop/meelezer/ui/annotation_wiring.py" line="+46" />
        <source>Speakers</source>
        <translation>Sprekers</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location line="+168" />
        <source>No speaker has key {key} yet. Add speakers in the Speakers panel; the first nine get keys 1–9.</source>
        <translation>Nog geen spreker heeft toets {key}. Voeg sprekers toe in het paneel Sprekers; de eerste negen krijgen de toetsen 1–9.</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Choose a speaker in the Speakers panel and a line to start from; the lines up to the next labelled line get that speaker.</source>
        <translation>Kies een spreker in het paneel Sprekers en een regel om mee te beginnen; de regels tot aan de volgende gelabelde regel krijgen die spreker.</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Select the line that starts at this moment, then press T again.</source>
        <translation>Selecteer de regel die op dit moment begint en druk dan nog eens op T.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Line {number} now starts at {new} (was {old}): “{text}”. Ctrl+Z puts it back.</source>
        <translation>Regel {number} begint nu om {new} (was {old}): “{text}”. Ctrl+Z zet het terug.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Replaced 1 occurrence of “{text}”. Undo (Ctrl+Z) puts them back.</source>
        <translation>1 keer “{text}” vervangen. Ongedaan maken (Ctrl+Z) zet het terug.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Replaced {count} occurrences of “{text}”. Undo (Ctrl+Z) puts them back.</source>
        <translation>{count} keer “{text}” vervangen. Ongedaan maken (Ctrl+Z) zet ze terug.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Label as</source>
        <translation>Labelen als</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Label until the next labelled line as</source>
        <translation>Labelen tot de volgende gelabelde regel als</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Highlight as quote in</source>
        <translation>Markeren als citaat in</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Yellow</source>
        <translation>Geel</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Green</source>
        <translation>Groen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Blue</source>
        <translation>Blauw</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pink</source>
        <translation>Roze</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Show</source>
        <translation>Podcast</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The podcast this episode belongs to (its speakers are offered in every episode of the show):</source>
        <translation>De podcast waar deze aflevering bij hoort (de sprekers ervan worden in elke aflevering van de podcast aangeboden):</translation>
    </message>
</context>
<context>
    <name>Annotator</name>
    <message>
        <location filename="../../desktop/meelezer/annotator.py" line="+165" />
        <source>Add speaker {name}</source>
        <translation>Spreker {name} toevoegen</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Rename speaker to {name}</source>
        <translation>Spreker hernoemen naar {name}</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Change speaker colour</source>
        <translation>Kleur van spreker wijzigen</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Change speaker key</source>
        <translation>Toets van spreker wijzigen</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Delete speaker</source>
        <translation>Spreker verwijderen</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Merge speakers</source>
        <translation>Sprekers samenvoegen</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Set show to {show}</source>
        <translation>Podcast instellen op {show}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Take the episode out of its show</source>
        <translation>Aflevering uit haar podcast halen</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Label until the next labelled line</source>
        <translation>Labelen tot de volgende gelabelde regel</translation>
    </message>
    <message>
        <location line="+62" />
        <source>Edit note</source>
        <translation>Notitie bewerken</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Delete note</source>
        <translation>Notitie verwijderen</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Correct line</source>
        <translation>Regel corrigeren</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Revert line</source>
        <translation>Regel herstellen</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Replace “{find}” with “{replace}”</source>
        <translation>“{find}” vervangen door “{replace}”</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Set line start</source>
        <translation>Begin van regel instellen</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Split line</source>
        <translation>Regel splitsen</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Sync to audio</source>
        <translation>Synchroniseren met de audio</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Open an episode first.</source>
        <translation>Open eerst een aflevering.</translation>
    </message>
    <message>
        <location line="+64" />
        <source>Remove the label of 1 line</source>
        <translation>Label van 1 regel verwijderen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove the labels of {count} lines</source>
        <translation>Labels van {count} regels verwijderen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Label 1 line</source>
        <translation>1 regel labelen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Label {count} lines</source>
        <translation>{count} regels labelen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Label 1 line as {speaker}</source>
        <translation>1 regel labelen als {speaker}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Label {count} lines as {speaker}</source>
        <translation>{count} regels labelen als {speaker}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Add note</source>
        <translation>Notitie toevoegen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add bookmark</source>
        <translation>Bladwijzer toevoegen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add highlight</source>
        <translation>Citaat markeren</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/meelezer/app.py" line="+193" />
        <source>Meelezer cannot open its library</source>
        <translation>Meelezer kan zijn bibliotheek niet openen</translation>
    </message>
</context>
<context>
    <name>Audio</name>
    <message>
        <location filename="../../desktop/meelezer/audio/decode.py" line="+53" />
        <source>The audio file is missing: {path}</source>
        <translation>Het audiobestand ontbreekt: {path}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This file cannot be read as audio ({reason}): {path}. Check that it is a complete audio file (MP3, M4A, Opus, Ogg, FLAC or WAV).</source>
        <translation>Dit bestand kan niet als audio worden gelezen ({reason}): {path}. Controleer of het een volledig audiobestand is (MP3, M4A, Opus, Ogg, FLAC of WAV).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>This file has no audio stream: {path}</source>
        <translation>Dit bestand bevat geen audiostroom: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/audio/episode_analysis.py" line="+39" />
        <location filename="../../desktop/meelezer/audio/voices/episode.py" line="+36" />
        <source>Cannot read the audio file {path}: {reason}</source>
        <translation>Kan het audiobestand {path} niet lezen: {reason}</translation>
    </message>
    <message>
        <location line="+14" />
        <source>No sound could be decoded from {path}. The file may be damaged or empty; try another copy of the episode.</source>
        <translation>Uit {path} kon geen geluid worden gedecodeerd. Het bestand is misschien beschadigd of leeg; probeer een andere kopie van de aflevering.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The audio analysis could not be kept ({reason}); it will be redone next time.</source>
        <translation>De audioanalyse kon niet worden bewaard ({reason}); ze wordt de volgende keer opnieuw gedaan.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>The audio file stops after {found} of its {expected}: it seems truncated (an unfinished download?). The waveform shows the part that is there: {path}</source>
        <translation>Het audiobestand houdt op na {found} van de {expected}: het lijkt afgekapt (een onvoltooide download?). De golfvorm toont het deel dat er is: {path}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The audio file could not be read to its end after {found}: it seems damaged. The waveform shows the part that could be read: {path}</source>
        <translation>Het audiobestand kon na {found} niet tot het einde worden gelezen: het lijkt beschadigd. De golfvorm toont het deel dat gelezen kon worden: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/audio/separate_process.py" line="+35" />
        <source>The audio analysis stopped unexpectedly (exit code {code}) while reading {path}.</source>
        <translation>De audioanalyse stopte onverwacht (afsluitcode {code}) tijdens het lezen van {path}.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The audio could not be analysed ({reason}): {path}</source>
        <translation>De audio kon niet worden geanalyseerd ({reason}): {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/audio/align_process.py" line="+40" />
        <source>Syncing to the audio stopped unexpectedly ({reason}) while reading {path}.</source>
        <translation>Het synchroniseren met de audio stopte onverwacht ({reason}) tijdens het lezen van {path}.</translation>
    </message>
</context>
<context>
    <name>BackToPlaybackButton</name>
    <message>
        <location filename="../../desktop/meelezer/ui/follow_button.py" line="+11" />
        <source>Back to playback</source>
        <translation>Terug naar afspelen</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Scroll to the line that is playing and follow it again</source>
        <translation>Scroll naar de regel die nu speelt en volg die weer</translation>
    </message>
</context>
<context>
    <name>EditedTranscript</name>
    <message>
        <location filename="../../desktop/meelezer/ui/edited_transcript.py" line="+28" />
        <source>{file} has changed since it was imported as “{title}”.

Re-import it into that episode? Its labels, notes and corrections are carried over to the new text (the message bar then says how many). Or open the episode as it was imported, without the changes.</source>
        <translation>{file} is gewijzigd sinds het werd geïmporteerd als “{title}”.

Het opnieuw importeren in die aflevering? De labels, notities en correcties worden overgenomen in de nieuwe tekst (de meldingsbalk zegt dan hoeveel). Of open de aflevering zoals ze werd geïmporteerd, zonder de wijzigingen.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The transcript has changed</source>
        <translation>Het transcript is gewijzigd</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Re-import</source>
        <translation>Opnieuw importeren</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Open the earlier version</source>
        <translation>De eerdere versie openen</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../desktop/meelezer/ui/empty_state.py" line="+26" />
        <source>Open an episode to read along</source>
        <translation>Open een aflevering om mee te lezen</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Choose its audio and transcript with Open…, or drop the files here.
Transcripts: Whisper text, SRT, WebVTT, Whisper/WhisperX JSON,
Podcasting 2.0 JSON, Markdown notes and plain text.</source>
        <translation>Kies de audio en het transcript met Openen…, of sleep de bestanden hierheen.
Transcripten: Whisper-tekst, SRT, WebVTT, Whisper/WhisperX-JSON,
Podcasting 2.0-JSON, Markdown-notities en platte tekst.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Open…</source>
        <translation>Openen…</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+3" />
        <source>Recent episodes</source>
        <translation>Recente afleveringen</translation>
    </message>
</context>
<context>
    <name>EpisodeHeader</name>
    <message>
        <location filename="../../desktop/meelezer/ui/episode_header.py" line="+12" />
        <source>Space plays and pauses · click a line to jump there · F1 lists every shortcut</source>
        <translation>Spatie speelt af en pauzeert · klik op een regel om erheen te springen · F1 toont alle sneltoetsen</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Episode title</source>
        <translation>Titel van de aflevering</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Episode details</source>
        <translation>Gegevens van de aflevering</translation>
    </message>
    <message>
        <location line="+15" />
        <source>{count} lines, {duration}</source>
        <translation>{count} regels, {duration}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>times estimated (~)</source>
        <translation>tijden geschat (~)</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../desktop/meelezer/ui/error_reporter.py" line="+51" />
        <source>Something went wrong</source>
        <translation>Er ging iets mis</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Meelezer ran into a problem it did not expect: {error}

What you annotated is saved as you make it, so nothing is lost. If something looks wrong, reopen the episode. The details are in the log, in {folder}; please include them if you report this.</source>
        <translation>Meelezer liep tegen een onverwacht probleem aan: {error}

Wat je annoteert wordt meteen bewaard, dus er gaat niets verloren. Ziet iets er verkeerd uit, open de aflevering dan opnieuw. De details staan in het logboek, in {folder}; voeg ze toe als je dit meldt.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Open log folder</source>
        <translation>Logboekmap openen</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <location filename="../../desktop/meelezer/ui/export_controller.py" line="+22" />
        <source>Markdown note (*.md)</source>
        <translation>Markdown-notitie (*.md)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Podcasting 2.0 JSON (*.json)</source>
        <translation>Podcasting 2.0-JSON (*.json)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Plain text (*.txt)</source>
        <translation>Platte tekst (*.txt)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Meelezer annotations (*.json)</source>
        <translation>Meelezer-annotaties (*.json)</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Open an episode first; then export it.</source>
        <translation>Open eerst een aflevering; exporteer die daarna.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Export the episode</source>
        <translation>De aflevering exporteren</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Cannot export: {error}</source>
        <translation>Exporteren lukt niet: {error}</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Exported to {file}</source>
        <translation>Geëxporteerd naar {file}</translation>
    </message>
    <message>
        <location line="-66" />
        <source>SubRip subtitles, one cue per line (*.srt)</source>
        <translation>SubRip-ondertitels, één cue per regel (*.srt)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>SubRip subtitles for video, short cues (*.srt)</source>
        <translation>SubRip-ondertitels voor video, korte cues (*.srt)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>WebVTT with speakers, one cue per line (*.vtt)</source>
        <translation>WebVTT met sprekers, één cue per regel (*.vtt)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>WebVTT for video, short cues (*.vtt)</source>
        <translation>WebVTT voor video, korte cues (*.vtt)</translation>
    </message>
    <message>
        <location line="+63" />
        <source>Exporting to {file}…</source>
        <translation>Exporteren naar {file}…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Open an episode first; then back up its annotations.</source>
        <translation>Open eerst een aflevering; maak daarna een reservekopie van de annotaties.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Back up this episode's annotations</source>
        <translation>Reservekopie van de annotaties van deze aflevering maken</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{title} annotations.json</source>
        <translation>{title} annotaties.json</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Back up all annotations</source>
        <translation>Reservekopie van alle annotaties maken</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Cannot back up the annotations: {error}</source>
        <translation>Reservekopie van de annotaties maken lukt niet: {error}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Annotations saved to {file}</source>
        <translation>Annotaties opgeslagen in {file}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Annotations of “{title}” saved to {file}: {notes} note(s), {labelled} labelled line(s), {corrected} correction(s).</source>
        <translation>Annotaties van “{title}” opgeslagen in {file}: {notes} notitie(s), {labelled} gelabelde regel(s), {corrected} correctie(s).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Annotations of {episodes} episode(s) saved to {file}: {notes} note(s), {labelled} labelled line(s), {corrected} correction(s).</source>
        <translation>Annotaties van {episodes} aflevering(en) opgeslagen in {file}: {notes} notitie(s), {labelled} gelabelde regel(s), {corrected} correctie(s).</translation>
    </message>
    <message>
        <location line="+23" />
        <source>None of the episodes in this file is in this library ({titles}). Open their transcripts first, then import the file again.</source>
        <translation>Geen van de afleveringen in dit bestand staat in deze bibliotheek ({titles}). Open eerst hun transcripten en importeer het bestand daarna opnieuw.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Imported annotations for {episodes} episode(s): {notes} new note(s), {labelled} labelled line(s), {corrected} correction(s).</source>
        <translation>Annotaties geïmporteerd voor {episodes} aflevering(en): {notes} nieuwe notitie(s), {labelled} gelabelde regel(s), {corrected} correctie(s).</translation>
    </message>
    <message>
        <location line="+6" />
        <source> {count} note(s) were already there.</source>
        <translation> {count} notitie(s) waren er al.</translation>
    </message>
    <message>
        <location line="+6" />
        <source> {count} item(s) could not be placed, for example: {problem}</source>
        <translation> {count} item(s) konden niet worden geplaatst, bijvoorbeeld: {problem}</translation>
    </message>
    <message>
        <location line="-31" />
        <source>Import annotations</source>
        <translation>Annotaties importeren</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Cannot import the annotations: {error}</source>
        <translation>Importeren van de annotaties lukt niet: {error}</translation>
    </message>
    <message>
        <location line="+20" />
        <source> Skipped {count} episode(s) not in this library: {titles}.</source>
        <translation> {count} aflevering(en) overgeslagen die niet in deze bibliotheek staan: {titles}.</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <location filename="../../desktop/meelezer/episode_files.py" line="+76" />
        <source>give an audio file and a transcript, or just one of them</source>
        <translation>geef een audiobestand en een transcript, of alleen een van de twee</translation>
    </message>
    <message>
        <location line="+7" />
        <source>expected one audio file and one transcript, got {first} and {second}</source>
        <translation>verwachtte één audiobestand en één transcript, maar kreeg {first} en {second}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>no transcript found beside {audio} (such as {stem}.srt or {stem}.vtt in the same folder); open the audio together with its transcript</source>
        <translation>geen transcript gevonden naast {audio} (zoals {stem}.srt of {stem}.vtt in dezelfde map); open de audio samen met het transcript</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/os_errors.py" line="+14" />
        <source>the disk is full; free some space and try again</source>
        <translation>de schijf is vol; maak wat ruimte vrij en probeer het opnieuw</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../desktop/meelezer/ui/find_bar.py" line="+20" />
        <source>No matches</source>
        <translation>Geen treffers</translation>
    </message>
    <message>
        <location line="+3" />
        <source>1 match</source>
        <translation>1 treffer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{count} matches</source>
        <translation>{count} treffers</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{index} of {count}</source>
        <translation>{index} van {count}</translation>
    </message>
    <message>
        <location line="+20" />
        <location line="+3" />
        <source>Find in transcript</source>
        <translation>Zoeken in transcript</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Find</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Previous match</source>
        <translation>Vorige treffer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorige treffer (Shift+Enter)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next match</source>
        <translation>Volgende treffer</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Next match (Enter)</source>
        <translation>Volgende treffer (Enter)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Close (Escape)</source>
        <translation>Sluiten (Escape)</translation>
    </message>
</context>
<context>
    <name>GoToTimeDialog</name>
    <message>
        <location filename="../../desktop/meelezer/ui/go_to_time_dialog.py" line="+21" />
        <source>Go to time</source>
        <translation>Ga naar tijd</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Time to go to</source>
        <translation>Tijd om naartoe te gaan</translation>
    </message>
    <message>
        <location line="+1" />
        <source>1:02:03, 62:03 or 3723</source>
        <translation>1:02:03, 62:03 of 3723</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Time as hours:minutes:seconds, minutes:seconds or seconds</source>
        <translation>Tijd als uren:minuten:seconden, minuten:seconden of seconden</translation>
    </message>
    <message>
        <location line="+2" />
        <source>, up to {duration}</source>
        <translation>, tot {duration}</translation>
    </message>
    <message>
        <location line="+19" />
        <source>The episode ends at {duration}</source>
        <translation>De aflevering eindigt op {duration}</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <location filename="../../desktop/meelezer/library.py" line="+85" />
        <source>Found the moved transcript at {path}.</source>
        <translation>Het verplaatste transcript is gevonden: {path}.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The audio is still missing: {path}.</source>
        <translation>De audio ontbreekt nog steeds: {path}.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The transcript is still missing: {path}.</source>
        <translation>Het transcript ontbreekt nog steeds: {path}.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No files are missing.</source>
        <translation>Er ontbreken geen bestanden.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Found the moved audio at {path} (by its name: it had no fingerprint yet).</source>
        <translation>De verplaatste audio is gevonden: {path} (op naam: er was nog geen vingerafdruk van).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Found the moved audio at {path}.</source>
        <translation>De verplaatste audio is gevonden: {path}.</translation>
    </message>
    <message>
        <location line="+122" />
        <source>The audio file is missing: {path}. If it was moved, Library → Find moved files… or Relink files… can find it; the transcript is open for reading.</source>
        <translation>Het audiobestand ontbreekt: {path}. Is het verplaatst, dan kan Bibliotheek → Verplaatste bestanden zoeken… of Bestanden opnieuw koppelen… het vinden; het transcript is open om te lezen.</translation>
    </message>
    <message>
        <location line="+161" />
        <source>Audio relinked to {path}. It is not the same file as before (re-encoded?); check that the lines still match the sound.</source>
        <translation>Audio opnieuw gekoppeld aan {path}. Het is niet hetzelfde bestand als eerst (opnieuw gecodeerd?); controleer of de regels nog bij het geluid passen.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Audio relinked to {path}</source>
        <translation>Audio opnieuw gekoppeld aan {path}</translation>
    </message>
    <message>
        <location line="+9" />
        <source>this transcript's content differs from the one in the library; open it to import it as a new version</source>
        <translation>de inhoud van dit transcript verschilt van die in de bibliotheek; open het om het als nieuwe versie te importeren</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Transcript relinked to {path}</source>
        <translation>Transcript opnieuw gekoppeld aan {path}</translation>
    </message>
    <message>
        <location line="+33" />
        <source>{path} is not the audio this episode was opened with before: if it is another recording, the lines will not match the sound. Library → Relink files… points the episode at the right file, or at this one to keep it.</source>
        <translation>{path} is niet de audio waarmee deze aflevering eerder werd geopend: is het een andere opname, dan passen de regels niet bij het geluid. Bibliotheek → Bestanden opnieuw koppelen… laat de aflevering naar het juiste bestand wijzen, of naar dit bestand om het te houden.</translation>
    </message>
    <message>
        <location line="+24" />
        <source>cannot read the file: {reason}</source>
        <translation>kan het bestand niet lezen: {reason}</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <location filename="../../desktop/meelezer/ui/library_controller.py" line="+78" />
        <source>Remove from library</source>
        <translation>Uit de bibliotheek verwijderen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove this episode and its labels, notes and corrections from the library? Your audio and transcript files stay where they are.</source>
        <translation>Deze aflevering en haar labels, notities en correcties uit de bibliotheek verwijderen? Je audio- en transcriptbestanden blijven waar ze zijn.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>The new version of the transcript</source>
        <translation>De nieuwe versie van het transcript</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Transcripts ({patterns})</source>
        <translation>Transcripten ({patterns})</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+24" />
        <source>Cannot re-import: {error}</source>
        <translation>Opnieuw importeren lukt niet: {error}</translation>
    </message>
    <message>
        <location line="-7" />
        <source>Opened “{title}” as it was imported; the changes in {file} were not read. Library → Re-import transcript… reads them.</source>
        <translation>“{title}” is geopend zoals het werd geïmporteerd; de wijzigingen in {file} zijn niet gelezen. Bibliotheek → Transcript opnieuw importeren… leest ze.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The transcript changed since it was imported; “{title}” now has the new text.</source>
        <translation>Het transcript is gewijzigd sinds het werd geïmporteerd; “{title}” heeft nu de nieuwe tekst.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Re-imported {lines} lines: {labels} labels, {corrections} corrections and {times} set times carried over.</source>
        <translation>{lines} regels opnieuw geïmporteerd: {labels} labels, {corrections} correcties en {times} ingestelde tijden overgenomen.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>{count} could not be carried, e.g. at {time}: “{text}”.</source>
        <translation>{count} konden niet worden overgenomen, bijv. op {time}: “{text}”.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Where is the moved audio or transcript?</source>
        <translation>Waar staat de verplaatste audio of het transcript?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Audio or transcript ({patterns})</source>
        <translation>Audio of transcript ({patterns})</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Choose this episode's audio</source>
        <translation>Kies de audio van deze aflevering</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Audio ({patterns})</source>
        <translation>Audio ({patterns})</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Cannot relink: {error}</source>
        <translation>Kan niet opnieuw koppelen: {error}</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Not everything was found nearby. Which folder should be searched, with its subfolders?</source>
        <translation>Niet alles is in de buurt gevonden. Welke map moet worden doorzocht, met de submappen?</translation>
    </message>
    <message>
        <location line="+23" />
        <source>The search in the folder you picked was stopped.</source>
        <translation>Het zoeken in de gekozen map is gestopt.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No files are missing.</source>
        <translation>Er ontbreken geen bestanden.</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Stopped looking for moved files; nothing was changed.</source>
        <translation>Gestopt met zoeken naar verplaatste bestanden; er is niets gewijzigd.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Cannot look for the moved files: {error}</source>
        <translation>Kan niet zoeken naar de verplaatste bestanden: {error}</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <location filename="../../desktop/meelezer/ui/library_dialog.py" line="+61" />
        <source>Library</source>
        <translation>Bibliotheek</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Search every episode's text and notes (accents and case ignored)</source>
        <translation>Zoek in de tekst en notities van alle afleveringen (accenten en hoofdletters tellen niet)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search the library</source>
        <translation>Zoeken in de bibliotheek</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Episodes</source>
        <translation>Afleveringen</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Search results</source>
        <translation>Zoekresultaten</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Remove from library</source>
        <translation>Uit de bibliotheek verwijderen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Forget this episode and its annotations; your audio and transcript files are not touched</source>
        <translation>Vergeet deze aflevering en haar annotaties; je audio- en transcriptbestanden blijven onaangeroerd</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Relink files…</source>
        <translation>Bestanden opnieuw koppelen…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Point the episode at its moved audio or transcript</source>
        <translation>Laat de aflevering naar haar verplaatste audio of transcript wijzen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Find moved files…</source>
        <translation>Verplaatste bestanden zoeken…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Look for the missing audio or transcript by content in the folders nearby (for the selected episode, or every episode with missing files)</source>
        <translation>Zoek de ontbrekende audio of het ontbrekende transcript op inhoud in de mappen in de buurt (voor de gekozen aflevering, of voor elke aflevering met ontbrekende bestanden)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Re-import transcript…</source>
        <translation>Transcript opnieuw importeren…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Replace the lines with a new version of the transcript; labels, corrections and notes follow by time and text</source>
        <translation>Vervang de regels door een nieuwe versie van het transcript; labels, correcties en notities volgen op tijd en tekst</translation>
    </message>
    <message>
        <location line="+67" />
        <source>1 result</source>
        <translation>1 resultaat</translation>
    </message>
    <message>
        <location line="+0" />
        <source>{count} results</source>
        <translation>{count} resultaten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No results</source>
        <translation>Geen resultaten</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../desktop/meelezer/ui/library_model.py" line="+26" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Show</source>
        <translation>Podcast</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Duration</source>
        <translation>Duur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Listened</source>
        <translation>Beluisterd</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Speakers</source>
        <translation>Sprekers</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last opened</source>
        <translation>Laatst geopend</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Files</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <location line="+60" />
        <source> (missing)</source>
        <translation> (ontbreekt)</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+17" />
        <source>no audio</source>
        <translation>geen audio</translation>
    </message>
    <message>
        <location line="-13" />
        <source>Use Find moved files… or Relink files… to locate it.</source>
        <translation>Gebruik Verplaatste bestanden zoeken… of Bestanden opnieuw koppelen… om het te vinden.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>audio and transcript missing</source>
        <translation>audio en transcript ontbreken</translation>
    </message>
    <message>
        <location line="+2" />
        <source>audio missing</source>
        <translation>audio ontbreekt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>transcript missing</source>
        <translation>transcript ontbreekt</translation>
    </message>
    <message>
        <location line="+23" />
        <source>never</source>
        <translation>nooit</translation>
    </message>
</context>
<context>
    <name>LineEditor</name>
    <message>
        <location filename="../../desktop/meelezer/ui/line_editor.py" line="+27" />
        <source>Correct line text</source>
        <translation>Regeltekst corrigeren</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/meelezer/ui/actions.py" line="+91" />
        <source>&amp;Open…</source>
        <translation>&amp;Openen…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open an episode: its audio and transcript</source>
        <translation>Een aflevering openen: de audio en het transcript</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Library…</source>
        <translation>&amp;Bibliotheek…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All your episodes, and search across their text and notes</source>
        <translation>Al je afleveringen, en zoeken in hun tekst en notities</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the episode with your corrections, speakers and notes as a Markdown note, subtitles, JSON or text</source>
        <translation>De aflevering met je correcties, sprekers en notities opslaan als Markdown-notitie, ondertitels, JSON of tekst</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Save every episode's annotations to one file</source>
        <translation>De annotaties van alle afleveringen in één bestand opslaan</translation>
    </message>
    <message>
        <location line="-5" />
        <source>&amp;Back up this episode's annotations…</source>
        <translation>&amp;Reservekopie van de annotaties van deze aflevering…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save this episode's speakers, notes, corrections and times to one file that another Meelezer can import</source>
        <translation>Sla de sprekers, notities, correcties en tijden van deze aflevering op in één bestand dat een andere Meelezer kan importeren</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Back up &amp;all annotations…</source>
        <translation>Reservekopie van a&amp;lle annotaties…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Import annotations…</source>
        <translation>Annotaties &amp;importeren…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add annotations from a backup file to the episodes of this library</source>
        <translation>Annotaties uit een reservekopie toevoegen aan de afleveringen van deze bibliotheek</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../../desktop/meelezer/ui/playback_bar.py" line="+148" />
        <source>&amp;Play</source>
        <translation>Af&amp;spelen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Play or pause</source>
        <translation>Afspelen of pauzeren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Back 5 seconds</source>
        <translation>5 seconden terug</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Forward 5 seconds</source>
        <translation>5 seconden vooruit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Back 30 seconds</source>
        <translation>30 seconden terug</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Forward 30 seconds</source>
        <translation>30 seconden vooruit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Previous line</source>
        <translation>Vorige regel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next line</source>
        <translation>Volgende regel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Slower</source>
        <translation>Langzamer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Faster</source>
        <translation>Sneller</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Normal speed</source>
        <translation>Normale snelheid</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Volume up</source>
        <translation>Harder</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Volume down</source>
        <translation>Zachter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mute</source>
        <translation>Dempen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Loop current line</source>
        <translation>Huidige regel herhalen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Repeat the current line until you turn this off</source>
        <translation>De huidige regel herhalen tot je dit uitzet</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Follow playback</source>
        <translation>Afspelen volgen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keep the line being spoken in view</source>
        <translation>De regel die wordt uitgesproken in beeld houden</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Back to playback</source>
        <translation>Terug naar afspelen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Scroll back to the line being spoken and follow it again</source>
        <translation>Terugscrollen naar de regel die wordt uitgesproken en die weer volgen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Go to time…</source>
        <translation>&amp;Ga naar tijd…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Jump to a time such as 1:02:03</source>
        <translation>Naar een tijd springen, zoals 1:02:03</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Larger text</source>
        <translation>&amp;Grotere tekst</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Smaller text</source>
        <translation>&amp;Kleinere tekst</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Normal text size</source>
        <translation>&amp;Normale tekstgrootte</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Prefere&amp;nces…</source>
        <translation>&amp;Voorkeuren…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open &amp;log folder</source>
        <translation>&amp;Logboekmap openen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show the folder with Meelezer's log, to look at or send along with a problem report</source>
        <translation>De map met het logboek van Meelezer tonen, om te bekijken of mee te sturen met een probleemmelding</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;About Meelezer</source>
        <translation>&amp;Over Meelezer</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/ui/annotation_actions.py" line="+48" />
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Undo the last change</source>
        <translation>De laatste wijziging ongedaan maken</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Redo</source>
        <translation>Opnie&amp;uw</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Redo what was undone</source>
        <translation>Opnieuw doen wat ongedaan is gemaakt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Label as speaker {key}</source>
        <translation>Labelen als spreker {key}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Label the selected lines (or, while playing, the line being spoken) as speaker {key}</source>
        <translation>De geselecteerde regels (of, tijdens het afspelen, de regel die wordt uitgesproken) labelen als spreker {key}</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Remove speaker label</source>
        <translation>Sprekerlabel verwijderen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove the speaker label of the selected lines</source>
        <translation>Het sprekerlabel van de geselecteerde regels verwijderen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Label until the next labelled line…</source>
        <translation>Labelen tot de volgende gelabelde regel…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Label from the selected line up to the next labelled line</source>
        <translation>Labelen vanaf de geselecteerde regel tot de volgende gelabelde regel</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Add &amp;note</source>
        <translation>&amp;Notitie toevoegen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add a note at the current moment (or the selected line)</source>
        <translation>Een notitie toevoegen op het huidige moment (of bij de geselecteerde regel)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Add &amp;bookmark</source>
        <translation>&amp;Bladwijzer toevoegen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bookmark the current moment (or the selected line)</source>
        <translation>Een bladwijzer zetten op het huidige moment (of bij de geselecteerde regel)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Highlight as quote</source>
        <translation>&amp;Markeren als citaat</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mark the selected lines as a quote</source>
        <translation>De geselecteerde regels markeren als citaat</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Edit line text</source>
        <translation>Regeltekst be&amp;werken</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Correct the selected line's text; the original is kept</source>
        <translation>De tekst van de geselecteerde regel corrigeren; het origineel blijft bewaard</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Re&amp;vert line text</source>
        <translation>Regeltekst &amp;herstellen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Put back the text the transcript had</source>
        <translation>De tekst uit het transcript terugzetten</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Set line &amp;start to now</source>
        <translation>Begin van regel op &amp;nu zetten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tap-to-sync: the selected (or next) line starts at the current playback moment</source>
        <translation>Tik-om-te-synchroniseren: de geselecteerde (of volgende) regel begint op het huidige afspeelmoment</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Find…</source>
        <translation>&amp;Zoeken…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Find words in this episode</source>
        <translation>Woorden zoeken in deze aflevering</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Find and Rep&amp;lace…</source>
        <translation>Zoeken en &amp;vervangen…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Set sho&amp;w…</source>
        <translation>&amp;Podcast kiezen…</translation>
    </message>
    <message>
        <location line="-3" />
        <source>Replace a word everywhere in this episode, e.g. a misheard name</source>
        <translation>Een woord overal in deze aflevering vervangen, bijv. een verkeerd verstane naam</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Choose the podcast this episode belongs to, so its speakers are offered in the show's other episodes</source>
        <translation>Kies de podcast waar deze aflevering bij hoort, zodat de sprekers ervan in de andere afleveringen van die podcast worden aangeboden</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/ui/main_window.py" line="+147" />
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Open &amp;Recent</source>
        <translation>Recen&amp;t geopend</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Playback</source>
        <translation>&amp;Afspelen</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Annotate</source>
        <translation>A&amp;nnoteren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Label as speaker</source>
        <translation>&amp;Labelen als spreker</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Highlight as quote in</source>
        <translation>Markeren als citaat in</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+85" />
        <source>Open an episode: audio and transcript, or one of them</source>
        <translation>Een aflevering openen: audio en transcript, of een van beide</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Episodes ({audio} {text});;Transcripts ({text});;Audio ({audio});;All files (*)</source>
        <translation>Afleveringen ({audio} {text});;Transcripten ({text});;Audio ({audio});;Alle bestanden (*)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Cannot open these files</source>
        <translation>Deze bestanden kunnen niet worden geopend</translation>
    </message>
    <message>
        <location line="+180" />
        <source>Cannot open the log folder here; it is {folder}</source>
        <translation>Kan de logboekmap hier niet openen; ze staat in {folder}</translation>
    </message>
    <message>
        <location line="+58" />
        <source>Changes not saved yet</source>
        <translation>Wijzigingen nog niet bewaard</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Another program still holds the library, so {count} of your changes could not be saved yet. Quit anyway and lose them?</source>
        <translation>Een ander programma houdt de bibliotheek nog vast, dus {count} van je wijzigingen konden nog niet worden bewaard. Toch afsluiten en ze kwijtraken?</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/ui/episode_session.py" line="+89" />
        <location filename="../../desktop/meelezer/ui/main_window.py" line="-226" />
        <source>Cannot open this transcript</source>
        <translation>Dit transcript kan niet worden geopend</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Cannot open this episode</source>
        <translation>Deze aflevering kan niet worden geopend</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/ui/main_window.py" line="+172" />
        <source>About Meelezer</source>
        <translation>Over Meelezer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Meelezer {version}
Read along with a podcast episode, label speakers and keep notes. Playback by libvlc.</source>
        <translation>Meelezer {version}
Lees mee met een podcastaflevering, label sprekers en maak notities. Afspelen via libvlc.</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/ui/episode_session.py" line="+26" />
        <location filename="../../desktop/meelezer/ui/main_window.py" line="+9" />
        <source>{title}: {message}</source>
        <translation>{title}: {message}</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/ui/main_window.py" line="+12" />
        <source>{message} The transcript stays open for reading.</source>
        <translation>{message} Het transcript blijft geopend om te lezen.</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/ui/playback_bar.py" line="-2" />
        <source>&amp;Pause</source>
        <translation>&amp;Pauzeren</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/ui/sync_controller.py" line="+50" />
        <source>S&amp;ync to audio…</source>
        <translation>S&amp;ynchroniseren met de audio…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Give every line and word the time it is spoken in the audio; you see the result before it is applied</source>
        <translation>Geef elke regel en elk woord de tijd waarop het in de audio wordt uitgesproken; je ziet het resultaat voordat het wordt toegepast</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Next line not found in the audio</source>
        <translation>Volgende regel die niet in de audio is gevonden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Go to the next line Sync to audio did not find in the audio, to check its time</source>
        <translation>Ga naar de volgende regel die het synchroniseren niet in de audio vond, om de tijd te controleren</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/ui/voices/wiring.py" line="+49" />
        <source>Next line to check</source>
        <translation>Volgende regel om te controleren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Go to the next line whose voice does not sound like its speaker</source>
        <translation>Ga naar de volgende regel waarvan de stem niet klinkt als de spreker</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Suggest speakers</source>
        <translation>Sprekers &amp;voorstellen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Group the lines by voice, to name each voice at once</source>
        <translation>Groepeer de regels per stem, om elke stem in één keer een naam te geven</translation>
    </message>
    <message>
        <location line="+98" />
        <source>Named 1 voice as suggested. Undo (Ctrl+Z) takes it back.</source>
        <translation>1 stem benoemd zoals voorgesteld. Ongedaan maken (Ctrl+Z) draait het terug.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Named {count} voices as suggested. Undo (Ctrl+Z) takes it back.</source>
        <translation>{count} stemmen benoemd zoals voorgesteld. Ongedaan maken (Ctrl+Z) draait het terug.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Split here, before “{words}” ({time})</source>
        <translation>Hier splitsen, vóór “{words}” ({time})</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../desktop/meelezer/ui/message_bar.py" line="+29" />
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Dismiss</source>
        <translation>Wegklikken</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dismiss this message</source>
        <translation>Deze melding wegklikken</translation>
    </message>
</context>
<context>
    <name>MovedFilesJob</name>
    <message>
        <location filename="../../desktop/meelezer/ui/moved_files_job.py" line="+35" />
        <source>Looking for the moved files…</source>
        <translation>Zoeken naar de verplaatste bestanden…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Find moved files</source>
        <translation>Verplaatste bestanden zoeken</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../desktop/meelezer/ui/notes_panel.py" line="+47" />
        <location line="+165" />
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location line="-164" />
        <source>Bookmarks</source>
        <translation>Bladwijzers</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Highlights</source>
        <translation>Citaten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show notes</source>
        <translation>Notities tonen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show bookmarks</source>
        <translation>Bladwijzers tonen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show highlights</source>
        <translation>Citaten tonen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note at {time}</source>
        <translation>Notitie op {time}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bookmark at {time}</source>
        <translation>Bladwijzer op {time}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Highlight at {time}</source>
        <translation>Citaat op {time}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No notes yet. Press N to add a note at the current moment, B for a bookmark, H to highlight the selected lines.</source>
        <translation>Nog geen notities. Druk op N voor een notitie op het huidige moment, op B voor een bladwijzer, op H om de geselecteerde regels als citaat te markeren.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Empty note</source>
        <translation>Lege notitie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bookmark</source>
        <translation>Bladwijzer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Highlight</source>
        <translation>Citaat</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nothing to show: turn a kind back on above.</source>
        <translation>Niets te tonen: zet hierboven een soort weer aan.</translation>
    </message>
    <message>
        <location line="+157" />
        <source>Show:</source>
        <translation>Tonen:</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Note list</source>
        <translation>Notitielijst</translation>
    </message>
    <message>
        <location line="+11" />
        <source>No notes hint</source>
        <translation>Hint: geen notities</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Note text</source>
        <translation>Notitietekst</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Write a note (Markdown)</source>
        <translation>Schrijf een notitie (Markdown)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the note (Ctrl+Return)</source>
        <translation>De notitie opslaan (Ctrl+Return)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save note</source>
        <translation>Notitie opslaan</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete note</source>
        <translation>Notitie verwijderen</translation>
    </message>
</context>
<context>
    <name>OverviewStrip</name>
    <message>
        <location filename="../../desktop/meelezer/ui/timeline/overview.py" line="+19" />
        <source>Whole episode</source>
        <translation>Hele aflevering</translation>
    </message>
</context>
<context>
    <name>PlaybackBar</name>
    <message>
        <location filename="../../desktop/meelezer/ui/playback_bar.py" line="-77" />
        <source>Playback position</source>
        <translation>Afspeelpositie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Episode duration</source>
        <translation>Duur van de aflevering</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Seek</source>
        <translation>Zoekbalk</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Drag or click to go to another moment</source>
        <translation>Sleep of klik om naar een ander moment te gaan</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Playback speed</source>
        <translation>Afspeelsnelheid</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Playback speed; pitch is kept ([ slower, ] faster, = normal)</source>
        <translation>Afspeelsnelheid; de toonhoogte blijft gelijk ([ langzamer, ] sneller, = normaal)</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Volume (Ctrl+Up / Ctrl+Down, M to mute)</source>
        <translation>Volume (Ctrl+Omhoog / Ctrl+Omlaag, M om te dempen)</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Speed</source>
        <translation>Snelheid</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <location filename="../../desktop/meelezer/playback/libvlc.py" line="+44" />
        <source>The python-vlc package is missing; reinstall Meelezer (pip install python-vlc).</source>
        <translation>Het pakket python-vlc ontbreekt; installeer Meelezer opnieuw (pip install python-vlc).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>libvlc named by PYTHON_VLC_LIB_PATH could not be loaded; fix or unset that variable. {install}</source>
        <translation>De libvlc die PYTHON_VLC_LIB_PATH aanwijst, kon niet worden geladen; verbeter die variabele of verwijder haar. {install}</translation>
    </message>
    <message>
        <location line="+11" />
        <source>libvlc was found but failed to start (a broken VLC installation, missing VLC plugins, or an unknown option in {options}). {install}</source>
        <translation>libvlc is gevonden maar kon niet starten (een kapotte VLC-installatie, ontbrekende VLC-plug-ins of een onbekende optie in {options}). {install}</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Install VLC (Debian/Ubuntu: sudo apt install vlc; Fedora: sudo dnf install vlc; macOS and Windows: the installer from videolan.org, with the same 32/64-bit as Python) and restart Meelezer.</source>
        <translation>Installeer VLC (Debian/Ubuntu: sudo apt install vlc; Fedora: sudo dnf install vlc; macOS en Windows: het installatieprogramma van videolan.org, in dezelfde 32/64-bitversie als Python) en start Meelezer opnieuw.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>libvlc (VLC's playback library) was not found ({problem}). {install}</source>
        <translation>libvlc (de afspeelbibliotheek van VLC) is niet gevonden ({problem}). {install}</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/playback/vlc_player.py" line="+130" />
        <source>The player was closed.</source>
        <translation>De speler is gesloten.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Audio playback is not available.</source>
        <translation>Audio afspelen is niet beschikbaar.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Audio file not found: {path}</source>
        <translation>Audiobestand niet gevonden: {path}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Not an audio file: {path} is a folder</source>
        <translation>Geen audiobestand: {path} is een map</translation>
    </message>
    <message>
        <location line="+288" />
        <location line="+9" />
        <source>this file</source>
        <translation>dit bestand</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Cannot play {name}: not an audio file libvlc can decode</source>
        <translation>Kan {name} niet afspelen: geen audiobestand dat libvlc kan decoderen</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Cannot play {name} from {time}: the audio there cannot be decoded (the file may be damaged).</source>
        <translation>Kan {name} niet afspelen vanaf {time}: de audio daar kan niet worden gedecodeerd (het bestand is misschien beschadigd).</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../desktop/meelezer/ui/preferences_dialog.py" line="+30" />
        <source>Preferences</source>
        <translation>Voorkeuren</translation>
    </message>
    <message>
        <location line="+7" />
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+3" />
        <source>When you resume after a pause, start this far back (0 = off)</source>
        <translation>Begin zo ver terug als je na een pauze verder luistert (0 = uit)</translation>
    </message>
    <message>
        <location line="+5" />
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+2" />
        <source>If the highlight runs ahead of the sound (e.g. Bluetooth headphones), make this negative; if it lags, positive</source>
        <translation>Loopt de markering voor op het geluid (bijv. bij een bluetooth-koptelefoon), maak dit dan negatief; loopt ze achter, dan positief</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>System</source>
        <translation>Systeem</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Takes effect after restarting Meelezer</source>
        <translation>Werkt na het herstarten van Meelezer</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Text size</source>
        <translation>Tekstgrootte</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The transcript's text size (Ctrl+plus, Ctrl+minus; Ctrl+0 back to 100 %)</source>
        <translation>De tekstgrootte van het transcript (Ctrl+plus, Ctrl+min; Ctrl+0 terug naar 100 %)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Line spacing</source>
        <translation>Regelafstand</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Line width</source>
        <translation>Regelbreedte</translation>
    </message>
    <message>
        <location line="+3" />
        <source> characters</source>
        <translation> tekens</translation>
    </message>
    <message>
        <location line="+1" />
        <source>As wide as the window</source>
        <translation>Zo breed als het venster</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The longest a transcript line gets; lines of 60–90 characters read most easily</source>
        <translation>De grootste lengte van een transcriptregel; regels van 60–90 tekens lezen het makkelijkst</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Colours</source>
        <translation>Kleuren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>As the system</source>
        <translation>Zoals het systeem</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dark</source>
        <translation>Donker</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Rewind when resuming:</source>
        <translation>Terugspoelen bij hervatten:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Highlight sync offset:</source>
        <translation>Verschuiving van de markering:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Text size:</source>
        <translation>Tekstgrootte:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Line spacing:</source>
        <translation>Regelafstand:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Line width:</source>
        <translation>Regelbreedte:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Colours:</source>
        <translation>Kleuren:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Language:</source>
        <translation>Taal:</translation>
    </message>
</context>
<context>
    <name>ReplaceDialog</name>
    <message>
        <location filename="../../desktop/meelezer/ui/replace_dialog.py" line="+28" />
        <source>Find and replace</source>
        <translation>Zoeken en vervangen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Find</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location line="+1" />
        <source>e.g. Bietse</source>
        <translation>bijv. Bietse</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Replace with</source>
        <translation>Vervangen door</translation>
    </message>
    <message>
        <location line="+1" />
        <source>e.g. Wietse</source>
        <translation>bijv. Wietse</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Matches</source>
        <translation>Treffers</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Replace all</source>
        <translation>Alles vervangen</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Find:</source>
        <translation>Zoeken:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Replace with:</source>
        <translation>Vervangen door:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Case is ignored. Undo (Ctrl+Z) puts every line back.</source>
        <translation>Hoofdletters worden genegeerd. Ongedaan maken (Ctrl+Z) zet elke regel terug.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Type the text to replace.</source>
        <translation>Typ de tekst die je wilt vervangen.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No matches in this episode.</source>
        <translation>Geen treffers in deze aflevering.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>1 match</source>
        <translation>1 treffer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{count} matches</source>
        <translation>{count} treffers</translation>
    </message>
    <message>
        <location line="+1" />
        <source>in 1 line</source>
        <translation>in 1 regel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>in {count} lines</source>
        <translation>in {count} regels</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{matches} {where}.</source>
        <translation>{matches} {where}.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop/meelezer/ui/shortcuts_dialog.py" line="+33" />
        <location line="+4" />
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Keys</source>
        <translation>Toetsen</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Click a line: jump there (and select it)</source>
        <translation>Klik op een regel: spring erheen (en selecteer hem)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Click</source>
        <translation>Klik</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Select lines without jumping, e.g. to label them: Ctrl+click adds a line, Shift+click a range, or drag over them</source>
        <translation>Regels selecteren zonder te springen, bijvoorbeeld om ze te labelen: Ctrl+klik voegt een regel toe, Shift+klik een reeks, of sleep eroverheen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ctrl+click, Shift+click, drag</source>
        <translation>Ctrl+klik, Shift+klik, slepen</translation>
    </message>
</context>
<context>
    <name>SpeakerListModel</name>
    <message>
        <location filename="../../desktop/meelezer/ui/speakers_panel.py" line="+89" />
        <source>key {key}</source>
        <translation>toets {key}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>no key</source>
        <translation>geen toets</translation>
    </message>
</context>
<context>
    <name>SpeakersPanel</name>
    <message>
        <location line="-44" />
        <source>No speakers yet. Add one, then press its number (1–9) on a line to label it.</source>
        <translation>Nog geen sprekers. Voeg er een toe en druk dan op een regel op het nummer (1–9) om die te labelen.</translation>
    </message>
    <message>
        <location line="+181" />
        <source>Speakers</source>
        <translation>Sprekers</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+1" />
        <source>New speaker name</source>
        <translation>Naam nieuwe spreker</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add speaker</source>
        <translation>Spreker toevoegen</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Speaker list</source>
        <translation>Sprekerlijst</translation>
    </message>
    <message>
        <location line="+12" />
        <source>No speakers hint</source>
        <translation>Hint: geen sprekers</translation>
    </message>
    <message>
        <location line="+10" />
        <location line="+79" />
        <source>Rename</source>
        <translation>Hernoemen</translation>
    </message>
    <message>
        <location line="-79" />
        <source>Rename speaker</source>
        <translation>Spreker hernoemen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Rename the speaker (F2)</source>
        <translation>De spreker hernoemen (F2)</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+79" />
        <source>Colour…</source>
        <translation>Kleur…</translation>
    </message>
    <message>
        <location line="-79" />
        <source>Colour speaker</source>
        <translation>Kleur van spreker</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choose the speaker's colour</source>
        <translation>De kleur van de spreker kiezen</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+9" />
        <location line="+77" />
        <source>Merge into</source>
        <translation>Samenvoegen met</translation>
    </message>
    <message>
        <location line="-86" />
        <source>Merge into speaker</source>
        <translation>Samenvoegen met spreker</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Move the speaker's lines to another speaker</source>
        <translation>De regels van de spreker naar een andere spreker verplaatsen</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+86" />
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location line="-86" />
        <source>Delete speaker</source>
        <translation>Spreker verwijderen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete the speaker; their lines become unlabelled (Delete)</source>
        <translation>De spreker verwijderen; diens regels raken hun label kwijt (Delete)</translation>
    </message>
    <message>
        <location line="+70" />
        <source>Assign to selected lines</source>
        <translation>Toewijzen aan geselecteerde regels</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Hotkey</source>
        <translation>Sneltoets</translation>
    </message>
    <message>
        <location line="+3" />
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <location line="+42" />
        <source>Speaker colour</source>
        <translation>Kleur van spreker</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <location filename="../../desktop/meelezer/store/annotation_archive.py" line="+187" />
        <source>Cannot write {path}: {reason}.</source>
        <translation>Kan {path} niet schrijven: {reason}.</translation>
    </message>
    <message>
        <location line="+62" />
        <source>{path} is not a valid Meelezer annotations file ({problem}); nothing was imported.</source>
        <translation>{path} is geen geldig Meelezer-annotatiebestand ({problem}); er is niets geïmporteerd.</translation>
    </message>
    <message>
        <location line="-18" />
        <source>Cannot read {path}: {reason}.</source>
        <translation>Kan {path} niet lezen: {reason}.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>{path} is not a Meelezer annotations file.</source>
        <translation>{path} is geen Meelezer-annotatiebestand.</translation>
    </message>
    <message>
        <location line="-11" />
        <source>{path} was written by a newer Meelezer (format version {version}); update Meelezer to import it.</source>
        <translation>{path} is geschreven door een nieuwere Meelezer (formaatversie {version}); werk Meelezer bij om het te importeren.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>{path} is not a Meelezer annotations file ({problem}); nothing was imported.</source>
        <translation>{path} is geen annotatiebestand van Meelezer ({problem}); er is niets geïmporteerd.</translation>
    </message>
    <message>
        <location line="+50" />
        <source>{title}: line {number} is not in this library's copy of the transcript; its annotation was skipped.</source>
        <translation>{title}: regel {number} staat niet in de kopie van het transcript in deze bibliotheek; de annotatie ervan is overgeslagen.</translation>
    </message>
    <message>
        <location line="+57" />
        <source>{title}: skipped a note of unknown kind “{kind}”.</source>
        <translation>{title}: notitie van onbekende soort “{kind}” overgeslagen.</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/store/assignments.py" line="+67" />
        <source>Line {line} is not in episode {episode}.</source>
        <translation>Regel {line} hoort niet bij aflevering {episode}.</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/store/backup.py" line="+122" />
        <source>Your library was damaged and has been restored from the backup of {day}; changes made after that backup are lost. The damaged file was kept as {damaged}.</source>
        <translation>Je bibliotheek was beschadigd en is hersteld uit de reservekopie van {day}; wijzigingen van na die reservekopie zijn verloren. Het beschadigde bestand is bewaard als {damaged}.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Your library was damaged and there was no good backup to restore, so Meelezer started a new, empty library. The damaged file was kept as {damaged}.</source>
        <translation>Je bibliotheek was beschadigd en er was geen goede reservekopie om terug te zetten, dus Meelezer is met een nieuwe, lege bibliotheek begonnen. Het beschadigde bestand is bewaard als {damaged}.</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/store/corrections.py" line="+137" />
        <source>Type the text to find.</source>
        <translation>Typ de tekst die je zoekt.</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/store/database.py" line="+70" />
        <source>The library {path} was opened read-only; nothing can be changed.</source>
        <translation>De bibliotheek {path} is alleen-lezen geopend; er kan niets worden gewijzigd.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The library {path} was removed while Meelezer had it open. Nothing more is saved, so nothing is saved to a file that is gone: quit Meelezer and start it again (your changes since the removal are not in the library).</source>
        <translation>De bibliotheek {path} is verwijderd terwijl Meelezer hem open had. Er wordt niets meer bewaard, zodat niets naar een verdwenen bestand gaat: sluit Meelezer af en start het opnieuw (je wijzigingen sinds het verwijderen staan niet in de bibliotheek).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The library {path} was replaced by another file while Meelezer had it open. Nothing more is saved, so the other file is not changed: quit Meelezer and start it again to use the library that is there now.</source>
        <translation>De bibliotheek {path} is vervangen door een ander bestand terwijl Meelezer hem open had. Er wordt niets meer bewaard, zodat het andere bestand niet verandert: sluit Meelezer af en start het opnieuw om de bibliotheek te gebruiken die er nu staat.</translation>
    </message>
    <message>
        <location line="+49" />
        <source>Cannot create the folder for the library database {path}: {reason}.</source>
        <translation>Kan de map voor de bibliotheekdatabase {path} niet maken: {reason}.</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Cannot use the library database {path}: {reason}.</source>
        <translation>Kan de bibliotheekdatabase {path} niet gebruiken: {reason}.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>There is no library database at {path}.</source>
        <translation>Er is geen bibliotheekdatabase in {path}.</translation>
    </message>
    <message>
        <location line="+19" />
        <source>The library {path} was made by another version of Meelezer; start Meelezer once to update it, then try again.</source>
        <translation>De bibliotheek {path} is gemaakt door een andere versie van Meelezer; start Meelezer één keer om hem bij te werken en probeer het dan opnieuw.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The library database {path} is damaged: SQLite's integrity check found {count} problem(s), such as "{problem}". {advice}</source>
        <translation>De bibliotheekdatabase {path} is beschadigd: de integriteitscontrole van SQLite vond {count} probleem/problemen, zoals "{problem}". {advice}</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Cannot update the library database {path} to this version of Meelezer ({problem}). Please report this as a bug.</source>
        <translation>Kan de bibliotheekdatabase {path} niet bijwerken naar deze versie van Meelezer ({problem}). Meld dit alsjeblieft als fout.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The library database {path} reported an error: {problem}.</source>
        <translation>De bibliotheekdatabase {path} meldde een fout: {problem}.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The library database {path} cannot be read: {problem}. {advice}</source>
        <translation>De bibliotheekdatabase {path} kan niet worden gelezen: {problem}. {advice}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Cannot use the library database {path}: {problem}.</source>
        <translation>Kan de bibliotheekdatabase {path} niet gebruiken: {problem}.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Meelezer cannot use it. Quit Meelezer, move the file somewhere else (or put back a backup copy of it) and start Meelezer again; it will make a new, empty library.</source>
        <translation>Meelezer kan hem niet gebruiken. Sluit Meelezer af, zet het bestand ergens anders neer (of zet er een reservekopie van terug) en start Meelezer opnieuw; dan wordt er een nieuwe, lege bibliotheek gemaakt.</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/store/errors.py" line="+52" />
        <source>Episode {id} is not in the library (it may have been removed).</source>
        <translation>Aflevering {id} staat niet in de bibliotheek (misschien is ze verwijderd).</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Line {id} is not in the library (it may have been removed).</source>
        <translation>Regel {id} staat niet in de bibliotheek (misschien is hij verwijderd).</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/store/migrate.py" line="+76" />
        <source>The library database {path} was made by a newer version of Meelezer (schema revision {revision}; this version knows up to {head}). Update Meelezer to open it, or choose another data folder with --data-dir.</source>
        <translation>De bibliotheekdatabase {path} is gemaakt door een nieuwere versie van Meelezer (schemarevisie {revision}; deze versie kent er tot en met {head}). Werk Meelezer bij om hem te openen, of kies een andere gegevensmap met --data-dir.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>{path} is an SQLite database, but not a Meelezer library. Move it out of the data folder, or choose another data folder with --data-dir.</source>
        <translation>{path} is een SQLite-database, maar geen Meelezer-bibliotheek. Haal hem uit de gegevensmap, of kies een andere gegevensmap met --data-dir.</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Updating the library database {path} to this version of Meelezer would leave {count} row(s) pointing to rows that do not exist (the first: {table} row {row}, missing its {parent}), so it was left unchanged. Please report this as a bug, with the database file.</source>
        <translation>Het bijwerken van de bibliotheekdatabase {path} naar deze versie van Meelezer zou {count} rij(en) laten verwijzen naar rijen die niet bestaan (de eerste: {table} rij {row}, die zijn {parent} mist), dus is hij ongewijzigd gelaten. Meld dit alsjeblieft als fout, met het databasebestand.</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/store/notes.py" line="+133" />
        <source>Note {id} is not in the library (it may have been removed).</source>
        <translation>Notitie {id} staat niet in de bibliotheek (misschien is ze verwijderd).</translation>
    </message>
    <message>
        <location line="+8" />
        <source>“{kind}” is not a kind of note; use one of {kinds}.</source>
        <translation>“{kind}” is geen soort notitie; gebruik een van {kinds}.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A note cannot be before the start ({time} ms).</source>
        <translation>Een notitie kan niet vóór het begin liggen ({time} ms).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A highlight cannot end ({end} ms) before it starts ({start} ms).</source>
        <translation>Een citaat kan niet eindigen ({end} ms) voordat het begint ({start} ms).</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/store/paths.py" line="+41" />
        <source>The data folder {folder} is a file, not a folder. Choose another folder with --data-dir or {variable}.</source>
        <translation>De gegevensmap {folder} is een bestand, geen map. Kies een andere map met --data-dir of {variable}.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Cannot create the data folder {folder}: {reason}. Choose another folder with --data-dir or {variable}.</source>
        <translation>Kan de gegevensmap {folder} niet maken: {reason}. Kies een andere map met --data-dir of {variable}.</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/store/reimport.py" line="+129" />
        <source>{path} is already in the library as another episode.</source>
        <translation>{path} staat al in de bibliotheek als een andere aflevering.</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/store/speakers.py" line="+209" />
        <source>A speaker's hotkey must be 1 to 9, not {hotkey}.</source>
        <translation>De sneltoets van een spreker moet 1 tot en met 9 zijn, niet {hotkey}.</translation>
    </message>
    <message>
        <location line="+75" />
        <source>A speaker cannot be merged into itself.</source>
        <translation>Een spreker kan niet met zichzelf worden samengevoegd.</translation>
    </message>
    <message>
        <location line="+103" />
        <source>Speaker {id} is not in the library (it may have been removed).</source>
        <translation>Spreker {id} staat niet in de bibliotheek (misschien is hij verwijderd).</translation>
    </message>
    <message>
        <location line="+9" />
        <source>A speaker needs a name.</source>
        <translation>Een spreker heeft een naam nodig.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>There is already a speaker called “{name}” here; choose another name, or merge the two speakers.</source>
        <translation>Er is hier al een spreker die “{name}” heet; kies een andere naam, of voeg de twee sprekers samen.</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/store/sqlite.py" line="+227" />
        <source>the file is not a Meelezer database (SQLite says: file is not a database)</source>
        <translation>het bestand is geen Meelezer-database (SQLite zegt: file is not a database)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the file is damaged (SQLite says: {problem})</source>
        <translation>het bestand is beschadigd (SQLite zegt: {problem})</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the library is in use by another program, perhaps another Meelezer window; close it and try again</source>
        <translation>de bibliotheek is in gebruik door een ander programma, misschien een ander Meelezer-venster; sluit dat en probeer het opnieuw</translation>
    </message>
    <message>
        <location line="+6" />
        <source>the file or its folder is read-only; check its permissions</source>
        <translation>het bestand of de map ervan is alleen-lezen; controleer de rechten</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the file cannot be opened; check that its folder exists and is writable</source>
        <translation>het bestand kan niet worden geopend; controleer of de map bestaat en beschrijfbaar is</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the disk reported an error (SQLite says: {problem})</source>
        <translation>de schijf meldde een fout (SQLite zegt: {problem})</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/store/episodes.py" line="+100" />
        <source>{file} is part of your Meelezer library (the library database, its journal or a backup of it); writing there would destroy the library. Choose another name.</source>
        <translation>{file} hoort bij je Meelezer-bibliotheek (de bibliotheekdatabase, het journaal of een reservekopie ervan); daarheen schrijven zou de bibliotheek vernietigen. Kies een andere naam.</translation>
    </message>
    <message>
        <location line="+19" />
        <source>{file} is a file of the episode “{title}” in your library; Meelezer never changes your files. Choose another name.</source>
        <translation>{file} is een bestand van de aflevering “{title}” in je bibliotheek; Meelezer wijzigt je bestanden nooit. Kies een andere naam.</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <location filename="../../desktop/meelezer/ui/sync_bar.py" line="+31" />
        <source>Sync to audio progress</source>
        <translation>Voortgang van het synchroniseren met de audio</translation>
    </message>
    <message>
        <location line="+52" />
        <source>Stop syncing; nothing is changed</source>
        <translation>Stop met synchroniseren; er verandert niets</translation>
    </message>
    <message>
        <location line="-46" />
        <source>Give the lines these times (Ctrl+Z undoes it)</source>
        <translation>Geef de regels deze tijden (Ctrl+Z maakt het ongedaan)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Discard</source>
        <translation>Verwerpen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Keep the times as they are</source>
        <translation>Houd de tijden zoals ze zijn</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Syncing the transcript to the audio…</source>
        <translation>Het transcript wordt met de audio gesynchroniseerd…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Stop applying; nothing is changed</source>
        <translation>Stoppen met toepassen; er verandert niets</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Sync to audio: {changed} of {lines} lines get new times, {far} move by more than 1 s, {lost} not found in the audio (amber in the timeline and the transcript). The timeline shows the old starts faint, the new ones strong.</source>
        <translation>Synchroniseren met de audio: {changed} van {lines} regels krijgen nieuwe tijden, {far} verschuiven meer dan 1 s, {lost} niet gevonden in de audio (oranje in de tijdlijn en het transcript). De tijdlijn toont de oude begintijden vaag, de nieuwe duidelijk.</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../desktop/meelezer/ui/sync_controller.py" line="+45" />
        <source>The episode's lines were replaced, so Sync to audio stopped; nothing was changed.</source>
        <translation>De regels van de aflevering zijn vervangen, dus het synchroniseren is gestopt; er is niets veranderd.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Sync to audio needs the episode's audio, and this episode has none (or its file is missing). Attach the audio from the library (Ctrl+L), then try again.</source>
        <translation>Synchroniseren heeft de audio van de aflevering nodig, en deze aflevering heeft die niet (of het bestand ontbreekt). Koppel de audio in de bibliotheek (Ctrl+L) en probeer het opnieuw.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This episode has no text to sync.</source>
        <translation>Deze aflevering heeft geen tekst om te synchroniseren.</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Sync to audio cancelled; nothing was changed.</source>
        <translation>Synchroniseren geannuleerd; er is niets veranderd.</translation>
    </message>
    <message>
        <location line="+27" />
        <source>No line was found in the audio, so nothing changes. Is this the episode's own audio, and the language right?</source>
        <translation>Geen enkele regel is in de audio gevonden, dus er verandert niets. Is dit de audio van deze aflevering, en klopt de taal?</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Could not sync to the audio: {reason}</source>
        <translation>Kon niet met de audio synchroniseren: {reason}</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Applying the new times…</source>
        <translation>De nieuwe tijden worden toegepast…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Putting the old times back…</source>
        <translation>De oude tijden worden teruggezet…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Applying the new times again…</source>
        <translation>De nieuwe tijden worden opnieuw toegepast…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Apply cancelled; nothing was changed.</source>
        <translation>Toepassen geannuleerd; er is niets veranderd.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Synced to the audio: {changed} lines have new times.</source>
        <translation>Gesynchroniseerd met de audio: {changed} regels hebben nieuwe tijden.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>1 line was not found in the audio (marked amber; Ctrl+Shift+N goes to it).</source>
        <translation>1 regel is niet in de audio gevonden (oranje gemarkeerd; Ctrl+Shift+N gaat erheen).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{lost} lines were not found in the audio (marked amber; Ctrl+Shift+N goes to the next).</source>
        <translation>{lost} regels zijn niet in de audio gevonden (oranje gemarkeerd; Ctrl+Shift+N gaat naar de volgende).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Ctrl+Z puts the old times back.</source>
        <translation>Ctrl+Z zet de oude tijden terug.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Sync to audio stopped because the episode changed; nothing was changed.</source>
        <translation>Het synchroniseren is gestopt omdat de aflevering veranderde; er is niets veranderd.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The lines changed, so the Sync to audio preview was dropped; run it again.</source>
        <translation>De regels zijn veranderd, dus de voorvertoning van het synchroniseren is vervallen; voer het opnieuw uit.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>No line is flagged “not found in the audio”.</source>
        <translation>Geen enkele regel is gemarkeerd als “niet gevonden in de audio”.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../desktop/meelezer/ui/sync_dialog.py" line="+24" />
        <source>Sync to audio</source>
        <translation>Synchroniseren met de audio</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dutch</source>
        <translation>Nederlands</translation>
    </message>
    <message>
        <location line="+0" />
        <source>English</source>
        <translation>Engels</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Language of the transcript</source>
        <translation>Taal van het transcript</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{language} (detected from the text)</source>
        <translation>{language} (herkend aan de tekst)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Meelezer listens to the episode's audio and gives every line and every word the time it is spoken; you see the result in the timeline and choose to apply it.</source>
        <translation>Meelezer luistert naar de audio van de aflevering en geeft elke regel en elk woord de tijd waarop het wordt uitgesproken; je ziet het resultaat in de tijdlijn en kiest of je het toepast.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The {count} lines you timed yourself stay where they are.</source>
        <translation>De {count} regels die je zelf een tijd gaf, blijven waar ze zijn.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Start</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Language:</source>
        <translation>Taal:</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../desktop/meelezer/ui/timeline/actions.py" line="+29" />
        <source>Zoom timeline in</source>
        <translation>Tijdlijn inzoomen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show a shorter stretch around the playhead</source>
        <translation>Een korter stuk rond de afspeelpositie tonen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zoom timeline out</source>
        <translation>Tijdlijn uitzoomen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show a longer stretch of the episode</source>
        <translation>Een langer stuk van de aflevering tonen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Scroll timeline back</source>
        <translation>Tijdlijn terugschuiven</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Look earlier in the timeline; playback goes on (Ctrl+Return comes back)</source>
        <translation>Eerder in de tijdlijn kijken; het afspelen gaat door (Ctrl+Return komt terug)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Scroll timeline forward</source>
        <translation>Tijdlijn vooruitschuiven</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Look further ahead in the timeline</source>
        <translation>Verder vooruit kijken in de tijdlijn</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Timeline</source>
        <translation>&amp;Tijdlijn</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show the timeline under the transcript</source>
        <translation>De tijdlijn onder het transcript tonen</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/ui/timeline/strip.py" line="+264" />
        <source>about {time}</source>
        <translation>ongeveer {time}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No speaker</source>
        <translation>Geen spreker</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Note at {time}</source>
        <translation>Notitie om {time}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bookmark at {time}</source>
        <translation>Bladwijzer om {time}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Highlight at {time}</source>
        <translation>Citaat om {time}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Found at {time}</source>
        <translation>Gevonden om {time}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Check the speaker at {time}</source>
        <translation>Controleer de spreker op {time}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not found in the audio at {time}</source>
        <translation>Niet gevonden in de audio op {time}</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/ui/timeline/timeline.py" line="+37" />
        <source>Timeline</source>
        <translation>Tijdlijn</translation>
    </message>
</context>
<context>
    <name>Transcript</name>
    <message>
        <location filename="../../desktop/meelezer/transcript/encoding.py" line="+63" />
        <source>the file is empty (or only whitespace); choose a transcript that contains text</source>
        <translation>het bestand is leeg (of bevat alleen witruimte); kies een transcript dat tekst bevat</translation>
    </message>
    <message>
        <location line="+45" />
        <source>this is not a text transcript (it looks like binary data, for example an audio or video file chosen by mistake); choose the transcript file instead (.srt, .vtt, .txt, .json, .md, .html or .ass)</source>
        <translation>dit is geen teksttranscript (het lijkt op binaire gegevens, bijvoorbeeld een per ongeluk gekozen audio- of videobestand); kies in plaats daarvan het transcriptbestand (.srt, .vtt, .txt, .json, .md, .html of .ass)</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/transcript/errors.py" line="+59" />
        <source>line {line}: {reason}</source>
        <translation>regel {line}: {reason}</translation>
    </message>
    <message>
        <location line="+11" />
        <source>; and {count} more</source>
        <translation>; en nog {count}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>skipped {count} part(s) of the file that could not be read (the rest is open): {problems}.</source>
        <translation>{count} deel/delen van het bestand overgeslagen die niet gelezen konden worden (de rest is geopend): {problems}.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>cannot read the file: {reason}</source>
        <translation>kan het bestand niet lezen: {reason}</translation>
    </message>
    <message>
        <location line="+8" />
        <source>cannot write the file: {reason}</source>
        <translation>kan het bestand niet schrijven: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/transcript/file_checks.py" line="+38" />
        <source>file not found; check the path</source>
        <translation>bestand niet gevonden; controleer het pad</translation>
    </message>
    <message>
        <location line="+8" />
        <source>this is a folder, not a transcript file</source>
        <translation>dit is een map, geen transcriptbestand</translation>
    </message>
    <message>
        <location line="+2" />
        <source>this is a named pipe (FIFO), not a file; save the transcript to a file and open that</source>
        <translation>dit is een named pipe (FIFO), geen bestand; sla het transcript op in een bestand en open dat</translation>
    </message>
    <message>
        <location line="+3" />
        <source>this is a device (such as a disk or /dev/zero), not a file; choose a transcript file</source>
        <translation>dit is een apparaat (zoals een schijf of /dev/zero), geen bestand; kies een transcriptbestand</translation>
    </message>
    <message>
        <location line="+3" />
        <source>this is a socket, not a file; choose a transcript file</source>
        <translation>dit is een socket, geen bestand; kies een transcriptbestand</translation>
    </message>
    <message>
        <location line="+2" />
        <source>this is not a regular file; choose a transcript file</source>
        <translation>dit is geen gewoon bestand; kies een transcriptbestand</translation>
    </message>
    <message>
        <location line="+23" />
        <source>the file is larger than {limit} MB, too large for one episode's transcript ({limit} MB holds about 18 hours with word times); if it is one, split it into parts and open those</source>
        <translation>het bestand is groter dan {limit} MB, te groot voor het transcript van één aflevering ({limit} MB is ongeveer 18 uur met woordtijden); is het er toch één, splits het dan in delen en open die</translation>
    </message>
    <message>
        <location line="-39" />
        <source>no permission to read this file</source>
        <translation>geen toestemming om dit bestand te lezen</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/transcript/formats.py" line="+59" />
        <source>WebVTT, including YouTube auto-captions</source>
        <translation>WebVTT, ook automatische ondertitels van YouTube</translation>
    </message>
    <message>
        <location line="+3" />
        <source>SubStation Alpha (.ass, .ssa)</source>
        <translation>SubStation Alpha (.ass, .ssa)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Whisper text ([start --&gt; end] text)</source>
        <translation>Whisper-tekst ([start --&gt; end] tekst)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Podcasting 2.0 HTML transcript (&lt;cite&gt;, &lt;time&gt;, &lt;p&gt;)</source>
        <translation>Podcasting 2.0 HTML-transcript (&lt;cite&gt;, &lt;time&gt;, &lt;p&gt;)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Meeting and interview exports (Otter, Zoom, Teams, Descript): 'Name  0:01:02' above the text</source>
        <translation>Exports van vergader- en interviewtools (Otter, Zoom, Teams, Descript): 'Naam  0:01:02' boven de tekst</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Markdown note with a ## Transcript section</source>
        <translation>Markdown-notitie met een sectie ## Transcript</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Plain text without timestamps</source>
        <translation>Platte tekst zonder tijdstempels</translation>
    </message>
    <message>
        <location line="+26" />
        <source>unknown transcript format ({extension}); Meelezer reads {formats}</source>
        <translation>onbekend transcriptformaat ({extension}); Meelezer leest {formats}</translation>
    </message>
    <message>
        <location line="+15" />
        <source>cannot write {extension}; choose one of {known}</source>
        <translation>kan geen {extension} schrijven; kies een van {known}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>cannot write files without an extension; choose one of {known}</source>
        <translation>kan geen bestanden zonder extensie schrijven; kies een van {known}</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/transcript/readers/json_transcripts.py" line="+53" />
        <source>this JSON is not a transcript; Meelezer reads OpenAI Whisper JSON ({whisper}), WhisperX JSON ({whisperx}) and Podcasting 2.0 JSON ({podcasting})</source>
        <translation>deze JSON is geen transcript; Meelezer leest OpenAI Whisper JSON ({whisper}), WhisperX JSON ({whisperx}) en Podcasting 2.0 JSON ({podcasting})</translation>
    </message>
    <message>
        <location line="+27" />
        <source>not valid JSON: {problem} (column {column}); is the file complete?</source>
        <translation>geen geldige JSON: {problem} (kolom {column}); is het bestand compleet?</translation>
    </message>
    <message>
        <location line="+5" />
        <source>JSON is nested too deeply to be a transcript</source>
        <translation>de JSON is te diep genest voor een transcript</translation>
    </message>
    <message>
        <location line="+3" />
        <source>not valid JSON: {problem}</source>
        <translation>geen geldige JSON: {problem}</translation>
    </message>
    <message>
        <location line="+64" />
        <location line="+45" />
        <source>{where} is {value}, expected an object</source>
        <translation>{where} is {value}, verwacht een object</translation>
    </message>
    <message>
        <location line="-4" />
        <source>{where}: {key} is {value}, expected a list</source>
        <translation>{where}: {key} is {value}, verwacht een lijst</translation>
    </message>
    <message>
        <location line="+124" />
        <source>{where}: {key} is {value}, expected seconds as a number</source>
        <translation>{where}: {key} is {value}, verwacht seconden als getal</translation>
    </message>
    <message>
        <location line="+6" />
        <source>is negative</source>
        <translation>is negatief</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{where}: {key} {value} is not a time in an episode ({reason})</source>
        <translation>{where}: {key} {value} is geen tijd in een aflevering ({reason})</translation>
    </message>
    <message>
        <location line="+11" />
        <source>{where}: {key} is {value}, expected text</source>
        <translation>{where}: {key} is {value}, verwacht tekst</translation>
    </message>
    <message>
        <location line="+14" />
        <source>{where}: end {end} s is before start {start} s</source>
        <translation>{where}: einde {end} s ligt vóór begin {start} s</translation>
    </message>
    <message>
        <location line="+7" />
        <source>segment {number}</source>
        <translation>segment nr. {number}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{segment}, word {position}</source>
        <translation>{segment}, woord {position}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>{where} has no {key}</source>
        <translation>{where} heeft geen {key}</translation>
    </message>
    <message>
        <location line="+9" />
        <source>the text {text}</source>
        <translation>de tekst {text}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>a list</source>
        <translation>een lijst</translation>
    </message>
    <message>
        <location line="+2" />
        <source>an object</source>
        <translation>een object</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the number {number}</source>
        <translation>het getal {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/transcript/readers/markdown_note.py" line="+48" />
        <source>the note has no transcript text (expected it under a '## Transcript' heading)</source>
        <translation>de notitie bevat geen transcripttekst (verwacht onder een kop '## Transcript')</translation>
    </message>
    <message>
        <location line="+97" />
        <source>end {end} s is before start {start} s</source>
        <translation>einde {end} s ligt vóór begin {start} s</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/transcript/readers/plain_text.py" line="+39" />
        <source>the file has no text</source>
        <translation>het bestand bevat geen tekst</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/transcript/readers/srt.py" line="+59" />
        <source>a negative time in {timing}</source>
        <translation>een negatieve tijd in {timing}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>cannot read this cue timing: {timing} (expected start --&gt; end, such as 00:00:01.000 --&gt; 00:00:04.000)</source>
        <translation>kan deze tijdregel niet lezen: {timing} (verwacht start --&gt; einde, zoals 00:00:01.000 --&gt; 00:00:04.000)</translation>
    </message>
    <message>
        <location line="+9" />
        <location filename="../../desktop/meelezer/transcript/readers/whisper_text.py" line="+71" />
        <source>end {end} is before start {start}</source>
        <translation>einde {end} ligt vóór begin {start}</translation>
    </message>
    <message>
        <location line="+24" />
        <source>no subtitle cues found (no 'start --&gt; end' timing lines); is this an SRT file?</source>
        <translation>geen ondertitels gevonden (geen tijdregels 'start --&gt; end'); is dit wel een SRT-bestand?</translation>
    </message>
    <message>
        <location line="+24" />
        <location filename="../../desktop/meelezer/transcript/readers/webvtt.py" line="+61" />
        <source>the cues have no text under their timing lines; is this the whole file?</source>
        <translation>de cues hebben geen tekst onder hun tijdregels; is dit het hele bestand?</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/transcript/readers/webvtt.py" line="-6" />
        <source>no cues found (no 'start --&gt; end' timing lines); is this a WebVTT file?</source>
        <translation>geen cues gevonden (geen tijdregels 'start --&gt; end'); is dit wel een WebVTT-bestand?</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/transcript/readers/whisper_text.py" line="-15" />
        <source>no Whisper lines found (expected lines like '[0.00 --&gt; 8.66]  text'); is this the right file?</source>
        <translation>geen Whisper-regels gevonden (verwacht regels als '[0.00 --&gt; 8.66]  tekst'); is dit het juiste bestand?</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/transcript/timecode.py" line="+27" />
        <source>not a timestamp: {text}</source>
        <translation>geen tijdstempel: {text}</translation>
    </message>
    <message>
        <location line="+10" />
        <source>minutes or seconds out of range in {text}</source>
        <translation>minuten of seconden buiten bereik in {text}</translation>
    </message>
    <message>
        <location line="+13" />
        <source>a time of more than 1,000 hours; no episode is that long, so the file is damaged</source>
        <translation>een tijd van meer dan 1.000 uur; geen aflevering is zo lang, dus het bestand is beschadigd</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{text} is {reason}</source>
        <translation>{text}: {reason}</translation>
    </message>
    <message>
        <location line="+42" />
        <source>Type a time such as 1:02:03, 62:03 or 3723</source>
        <translation>Typ een tijd zoals 1:02:03, 62:03 of 3723</translation>
    </message>
    <message>
        <location line="+4" />
        <source>“{text}” is not a time; use 1:02:03, 62:03 or 3723</source>
        <translation>“{text}” is geen tijd; gebruik 1:02:03, 62:03 of 3723</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/transcript/files.py" line="+34" />
        <source>the audio length is {reason}</source>
        <translation>de audiolengte is {reason}</translation>
    </message>
    <message>
        <location line="+11" />
        <source>no transcript lines found in this file (nothing to read along with); choose a transcript that has text</source>
        <translation>geen transcriptregels gevonden in dit bestand (niets om mee te lezen); kies een transcript met tekst</translation>
    </message>
    <message>
        <location line="+25" />
        <source>subtitle cues are written as .srt or .vtt; choose one of those or leave out the subtitles option</source>
        <translation>ondertitelcues worden geschreven als .srt of .vtt; kies een van die twee of laat de ondertiteloptie weg</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/transcript/readers/meeting_export.py" line="+87" />
        <source>no speaker turns with text found (expected a line such as 'Anne  0:01:02' with what was said below it)</source>
        <translation>geen sprekerbeurten met tekst gevonden (verwacht een regel zoals 'Anne  0:01:02' met daaronder wat er gezegd werd)</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/transcript/readers/podcasting20_html.py" line="+91" />
        <source>no transcript paragraphs found in this HTML (expected &lt;cite&gt;Name:&lt;/cite&gt; &lt;time&gt;0:00&lt;/time&gt; &lt;p&gt;text&lt;/p&gt;, as Podcasting 2.0 writes)</source>
        <translation>geen transcriptalinea's gevonden in deze HTML (verwacht &lt;cite&gt;Naam:&lt;/cite&gt; &lt;time&gt;0:00&lt;/time&gt; &lt;p&gt;tekst&lt;/p&gt;, zoals Podcasting 2.0 het schrijft)</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/transcript/readers/substation.py" line="+65" />
        <source>no dialogue found (no 'Dialogue:' lines with text under [Events]); is this a SubStation Alpha file?</source>
        <translation>geen dialoog gevonden (geen regels 'Dialogue:' met tekst onder [Events]); is dit wel een SubStation Alpha-bestand?</translation>
    </message>
    <message>
        <location line="+14" />
        <source>cannot read this dialogue line ({problem})</source>
        <translation>kan deze dialoogregel niet lezen ({problem})</translation>
    </message>
    <message>
        <location line="+10" />
        <source>the line ends before it starts</source>
        <translation>de regel eindigt voordat hij begint</translation>
    </message>
</context>
<context>
    <name>TranscriptList</name>
    <message>
        <location filename="../../desktop/meelezer/ui/transcript_list.py" line="+68" />
        <source>Transcript lines</source>
        <translation>Transcriptregels</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Click a time or double-click a line to play from there; Enter plays the selected line</source>
        <translation>Klik op een tijd of dubbelklik op een regel om vanaf daar af te spelen; Enter speelt de geselecteerde regel af</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <location filename="../../desktop/meelezer/ui/line_layout.py" line="+154" />
        <source>Not found in the audio: this line kept its old time. Check it while it plays; T sets its start.</source>
        <translation>Niet gevonden in de audio: deze regel hield zijn oude tijd. Controleer hem tijdens het afspelen; T zet het begin.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Corrected — the original text is kept</source>
        <translation>Gecorrigeerd — de oorspronkelijke tekst blijft bewaard</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Has a note</source>
        <translation>Heeft een notitie</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Highlighted quote</source>
        <translation>Gemarkeerd citaat</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/ui/transcript_model.py" line="+191" />
        <source>about {time}</source>
        <translation>ongeveer {time}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{time}, not found in the audio</source>
        <translation>{time}, niet gevonden in de audio</translation>
    </message>
    <message>
        <location filename="../../desktop/meelezer/ui/transcript_view.py" line="+42" />
        <source>Transcript</source>
        <translation>Transcript</translation>
    </message>
</context>
<context>
    <name>VoiceGroupRow</name>
    <message>
        <location filename="../../desktop/meelezer/ui/voices/panel.py" line="-86" />
        <source>{new} unlabelled line(s) get the name; {kept} line(s) labelled by hand stay as they are.</source>
        <translation>{new} regel(s) zonder spreker krijgen de naam; {kept} met de hand gelabelde regel(s) blijven zoals ze zijn.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Play voice {group}</source>
        <translation>Stem {group} afspelen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Play a few typical seconds of this voice</source>
        <translation>Speel een paar typerende seconden van deze stem af</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Who is this? Pick or type a name</source>
        <translation>Wie is dit? Kies of typ een naam</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Name for voice {group}</source>
        <translation>Naam voor stem {group}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Name</source>
        <translation>Benoemen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Label this voice's unlabelled lines with the name (one undo step)</source>
        <translation>Geef de regels zonder spreker van deze stem de naam (één stap ongedaan te maken)</translation>
    </message>
    <message>
        <location line="+21" />
        <source>{lines} lines, {length}</source>
        <translation>{lines} regels, {length}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{name} (already labelled): {size}</source>
        <translation>{name} (al gelabeld): {size}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{name}, {sure} % sure: {size}</source>
        <translation>{name}, {sure} % zeker: {size}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Voice {group}: {size}</source>
        <translation>Stem {group}: {size}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Named</source>
        <translation>Benoemd</translation>
    </message>
</context>
<context>
    <name>VoiceMarks</name>
    <message>
        <location filename="../../desktop/meelezer/ui/voices/marks.py" line="+19" />
        <source>This voice does not sound like {speaker}. Check the label.</source>
        <translation>Deze stem klinkt niet als {speaker}. Controleer het label.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Another voice starts at {time}: right-click the line to split it there.</source>
        <translation>Op {time} begint een andere stem: klik met rechts op de regel om hem daar te splitsen.</translation>
    </message>
</context>
<context>
    <name>VoicePanel</name>
    <message>
        <location filename="../../desktop/meelezer/ui/voices/panel.py" line="+22" />
        <source>Voices</source>
        <translation>Stemmen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suggest speakers</source>
        <translation>Sprekers voorstellen</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Speaker suggestion progress</source>
        <translation>Voortgang van de sprekervoorstellen</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Stop suggesting speakers</source>
        <translation>Stop met sprekers voorstellen</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Voice groups</source>
        <translation>Stemgroepen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Accept all</source>
        <translation>Alles accepteren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name every voice that came with a name, in one undo step</source>
        <translation>Benoem elke stem die met een naam kwam, in één stap ongedaan te maken</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Merge</source>
        <translation>Samenvoegen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Select two voices that are one person, then merge them</source>
        <translation>Selecteer twee stemmen die één persoon zijn en voeg ze samen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>One more voice</source>
        <translation>Eén stem meer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Group the lines again into one voice more</source>
        <translation>Groepeer de regels opnieuw, in één stem meer</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Lines to review</source>
        <translation>Regels om na te kijken</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Next</source>
        <translation>Volgende</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Go to the next line whose voice does not sound like its speaker</source>
        <translation>Ga naar de volgende regel waarvan de stem niet klinkt als de spreker</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Listening to the voices…</source>
        <translation>Luisteren naar de stemmen…</translation>
    </message>
    <message>
        <location line="+37" />
        <source>The voice is named.</source>
        <translation>De stem is benoemd.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All {voices} voices are named.</source>
        <translation>Alle {voices} stemmen zijn benoemd.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>1 voice found. Name it, or play it first.</source>
        <translation>1 stem gevonden. Benoem hem, of speel hem eerst af.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{voices} voices found. Name each one, or play it first.</source>
        <translation>{voices} stemmen gevonden. Benoem ze, of speel ze eerst af.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>1 line may have the wrong speaker.</source>
        <translation>1 regel heeft misschien de verkeerde spreker.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{count} lines may have the wrong speaker.</source>
        <translation>{count} regels hebben misschien de verkeerde spreker.</translation>
    </message>
    <message>
        <location line="-13" />
        <source>Unclear lines to review ({count}):</source>
        <translation>Onduidelijke regels om na te kijken ({count}):</translation>
    </message>
</context>
<context>
    <name>VoiceSuggestions</name>
    <message>
        <location filename="../../desktop/meelezer/ui/voices/controller.py" line="+120" />
        <source>Open an episode first.</source>
        <translation>Open eerst een aflevering.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This episode has no audio: the voices are heard in the audio. Attach the audio file first.</source>
        <translation>Deze aflevering heeft geen audio: de stemmen worden in de audio gehoord. Koppel eerst het audiobestand.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This episode has no lines to group.</source>
        <translation>Deze aflevering heeft geen regels om te groeperen.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Waiting for the audio analysis to finish (status bar).</source>
        <translation>Wachten tot de audio-analyse klaar is (statusbalk).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Group the lines by voice, in the background</source>
        <translation>Groepeer de regels per stem, op de achtergrond</translation>
    </message>
    <message>
        <location line="+120" />
        <source>Speakers could not be suggested: {reason}</source>
        <translation>Er konden geen sprekers worden voorgesteld: {reason}</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Name voice {group} as {name}</source>
        <translation>Stem {group} benoemen als {name}</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Accept 1 suggested speaker</source>
        <translation>1 voorgestelde spreker accepteren</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Accept {count} suggested speakers</source>
        <translation>{count} voorgestelde sprekers accepteren</translation>
    </message>
</context>
<context>
    <name>Voices</name>
    <message>
        <location filename="../../desktop/meelezer/audio/voices/episode.py" line="+15" />
        <source>The voice analysis could not be kept ({reason}); it will be redone next time.</source>
        <translation>De stemanalyse kon niet worden bewaard ({reason}); die wordt de volgende keer opnieuw gedaan.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>The voice analysis stopped unexpectedly (exit code {code}) while reading {path}.</source>
        <translation>De stemanalyse stopte onverwacht (afsluitcode {code}) tijdens het lezen van {path}.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The voices could not be analysed ({reason}): {path}</source>
        <translation>De stemmen konden niet worden geanalyseerd ({reason}): {path}</translation>
    </message>
</context>
<context>
    <name>WriteQueue</name>
    <message>
        <location filename="../../desktop/meelezer/write_queue.py" line="+218" />
        <source>The library is free again: your {count} waiting change(s) are saved.</source>
        <translation>De bibliotheek is weer vrij: je {count} wachtende wijziging(en) zijn bewaard.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Another program is using the library; Meelezer is waiting for it. Your {count} change(s) are kept and will be saved as soon as it is free.</source>
        <translation>Een ander programma gebruikt de bibliotheek; Meelezer wacht erop. Je {count} wijziging(en) worden vastgehouden en bewaard zodra ze vrij is.</translation>
    </message>
</context>
<context>
    <name>ZoomStrip</name>
    <message>
        <location filename="../../desktop/meelezer/ui/timeline/zoom_strip.py" line="+18" />
        <source>Timeline around the playhead</source>
        <translation>Tijdlijn rond de afspeelpositie</translation>
    </message>
</context>
</TS>