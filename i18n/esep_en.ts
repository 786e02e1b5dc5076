<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>NavigationPanel</name>
    <message>
        <source>Accounting</source>
        <translation>Accounting</translation>
    </message>
    <message>
        <source>Chart of accounts</source>
        <translation>Chart of accounts</translation>
    </message>
    <message>
        <source>Memorial orders</source>
        <translation>Memorial orders</translation>
    </message>
    <message>
        <source>Journal of operations</source>
        <translation>Journal of operations</translation>
    </message>
    <message>
        <source>Turnover statement</source>
        <translation>Turnover statement</translation>
    </message>
    <message>
        <source>HR &amp; Payroll</source>
        <translation>HR &amp; Payroll</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>Staffing table</source>
        <translation>Staffing table</translation>
    </message>
    <message>
        <source>Timesheets</source>
        <translation>Timesheets</translation>
    </message>
    <message>
        <source>Payroll</source>
        <translation>Payroll</translation>
    </message>
    <message>
        <source>Inventory &amp; Assets</source>
        <translation>Inventory &amp; Assets</translation>
    </message>
    <message>
        <source>Fixed assets</source>
        <translation>Fixed assets</translation>
    </message>
    <message>
        <source>Inventories</source>
        <translation>Inventories</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Budget programs</source>
        <translation>Budget programs</translation>
    </message>
    <message>
        <source>Budget requests</source>
        <translation>Budget requests</translation>
    </message>
    <message>
        <source>Financing plans</source>
        <translation>Financing plans</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Financial statements</source>
        <translation>Financial statements</translation>
    </message>
    <message>
        <source>Treasury reconciliation</source>
        <translation>Treasury reconciliation</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>Institutions</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The server sent a document that cannot be read.</source>
        <translation>The server sent a document that cannot be read.</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::FilterDialog</name>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>%1 equals:</source>
        <translation>%1 equals:</translation>
    </message>
    <message>
        <source>%1 contains:</source>
        <translation>%1 contains:</translation>
    </message>
    <message>
        <source>from</source>
        <translation>from</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Clear all</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::FormField</name>
    <message>
        <source>Fill in this field.</source>
        <translation>Fill in this field.</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::FormPage</name>
    <message>
        <source>Someone else saved this record</source>
        <translation>Someone else saved this record</translation>
    </message>
    <message>
        <source>While you were editing, another user saved this record. Your changes were not saved.</source>
        <translation>While you were editing, another user saved this record. Your changes were not saved.</translation>
    </message>
    <message>
        <source>Reload: read the record as it is now; your changes here are lost.
Keep editing: your changes stay on the screen, but they cannot be saved over the other user&apos;s version — reload and enter them again.</source>
        <translation>Reload: read the record as it is now; your changes here are lost.
Keep editing: your changes stay on the screen, but they cannot be saved over the other user&apos;s version — reload and enter them again.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>The changes in &quot;%1&quot; are not saved. Discard them?</source>
        <translation>The changes in &quot;%1&quot; are not saved. Discard them?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save the record (Ctrl+S)</source>
        <translation>Save the record (Ctrl+S)</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Save and post (Ctrl+Enter)</source>
        <translation>Save and post (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close the form (Esc)</source>
        <translation>Close the form (Esc)</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::InstitutionForm</name>
    <message>
        <source>&amp;BIN:</source>
        <translation>&amp;BIN:</translation>
    </message>
    <message>
        <source>Name in &amp;Kazakh:</source>
        <translation>Name in &amp;Kazakh:</translation>
    </message>
    <message>
        <source>Name in &amp;Russian:</source>
        <translation>Name in &amp;Russian:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>State institution (GU)</source>
        <translation>State institution (GU)</translation>
    </message>
    <message>
        <source>Municipal state institution (KGU)</source>
        <translation>Municipal state institution (KGU)</translation>
    </message>
    <message>
        <source>Municipal state enterprise (GKKP)</source>
        <translation>Municipal state enterprise (GKKP)</translation>
    </message>
    <message>
        <source>Budget &amp;level (1–4):</source>
        <translation>Budget &amp;level (1–4):</translation>
    </message>
    <message>
        <source>&amp;Superior institution:</source>
        <translation>&amp;Superior institution:</translation>
    </message>
    <message>
        <source>&amp;Accounting office:</source>
        <translation>&amp;Accounting office:</translation>
    </message>
    <message>
        <source>A&amp;BP code:</source>
        <translation>A&amp;BP code:</translation>
    </message>
    <message>
        <source>Ac&amp;tive:</source>
        <translation>Ac&amp;tive:</translation>
    </message>
    <message>
        <source>New institution</source>
        <translation>New institution</translation>
    </message>
    <message>
        <source>Institution created.</source>
        <translation>Institution created.</translation>
    </message>
    <message>
        <source>Institution saved.</source>
        <translation>Institution saved.</translation>
    </message>
    <message>
        <source>Switch off the institution</source>
        <translation>Switch off the institution</translation>
    </message>
    <message>
        <source>Switch off &quot;%1&quot;? It stays in the system with its history and can be switched on again.</source>
        <translation>Switch off &quot;%1&quot;? It stays in the system with its history and can be switched on again.</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::InstitutionSwitcher</name>
    <message>
        <source>Institution №%1</source>
        <translation>Institution №%1</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::IntegerField</name>
    <message>
        <source>Enter a whole number.</source>
        <translation>Enter a whole number.</translation>
    </message>
    <message>
        <source>Enter a number from %1 to %2.</source>
        <translation>Enter a number from %1 to %2.</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::ListPage</name>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Search (Ctrl+F)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Read the list again from the server (F5)</source>
        <translation>Read the list again from the server (F5)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>Filter…</translation>
    </message>
    <message>
        <source>Filter (%1)…</source>
        <translation>Filter (%1)…</translation>
    </message>
    <message>
        <source>Filter by columns (Ctrl+Shift+F)</source>
        <translation>Filter by columns (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>This list has no filterable columns</source>
        <translation>This list has no filterable columns</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Show the selected record (Enter, F2)</source>
        <translation>Show the selected record (Enter, F2)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Mark for deletion</source>
        <translation>Mark for deletion</translation>
    </message>
    <message>
        <source>This list is read-only in this version</source>
        <translation>This list is read-only in this version</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Export to XLSX…</source>
        <translation>Export to XLSX…</translation>
    </message>
    <message>
        <source>Export to PDF…</source>
        <translation>Export to PDF…</translation>
    </message>
    <message>
        <source>The server cannot print this list yet</source>
        <translation>The server cannot print this list yet</translation>
    </message>
    <message>
        <source>Print preview (Ctrl+P)</source>
        <translation>Print preview (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save as an Excel workbook (Ctrl+E)</source>
        <translation>Save as an Excel workbook (Ctrl+E)</translation>
    </message>
    <message>
        <source>Save as a PDF document</source>
        <translation>Save as a PDF document</translation>
    </message>
    <message>
        <source>Rows: %L1</source>
        <translation>Rows: %L1</translation>
    </message>
    <message>
        <source> (filtered)</source>
        <translation> (filtered)</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>loading…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Reset columns</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Add a record (Insert)</source>
        <translation>Add a record (Insert)</translation>
    </message>
    <message>
        <source>Mark the selected record (Delete)</source>
        <translation>Mark the selected record (Delete)</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::ListReport</name>
    <message>
        <source>Preparing the document on the server…</source>
        <translation>Preparing the document on the server…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Downloading the file…</source>
        <translation>Downloading the file…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::LoginDialog</name>
    <message>
        <source>CA certificate</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>Certificates (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>Esep — sign in</source>
        <translation>Esep — sign in</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>Profile name:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Trust the server by:</source>
        <translation>Trust the server by:</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Login:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Connection:</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA file:</translation>
    </message>
    <message>
        <source>Pinned certificate:</source>
        <translation>Pinned certificate:</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>System certificate authorities</source>
        <translation>System certificate authorities</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA certificate file</translation>
    </message>
    <message>
        <source>Pinned fingerprint</source>
        <translation>Pinned fingerprint</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Forget</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>Connection %1</source>
        <translation>Connection %1</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>not used</translation>
    </message>
    <message>
        <source>none yet: you will be asked on first connection</source>
        <translation>none yet: you will be asked on first connection</translation>
    </message>
    <message>
        <source>Enter the server address as https://host:port.</source>
        <translation>Enter the server address as https://host:port.</translation>
    </message>
    <message>
        <source>Choose the CA certificate file.</source>
        <translation>Choose the CA certificate file.</translation>
    </message>
    <message>
        <source>Enter your login.</source>
        <translation>Enter your login.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was not trusted; nothing was sent.</source>
        <translation>The server&apos;s certificate was not trusted; nothing was sent.</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::LookupField</name>
    <message>
        <source>Choose from the list (F4)</source>
        <translation>Choose from the list (F4)</translation>
    </message>
    <message>
        <source>Choose a value from the list (F4).</source>
        <translation>Choose a value from the list (F4).</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::LookupPicker</name>
    <message>
        <source>Choose a value</source>
        <translation>Choose a value</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>You may not open this list.</source>
        <translation>You may not open this list.</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::MainWindow</name>
    <message>
        <source>Cancel job</source>
        <translation>Cancel job</translation>
    </message>
    <message>
        <source>Job %1: cancel requested</source>
        <translation>Job %1: cancel requested</translation>
    </message>
    <message>
        <source>Available in a later version</source>
        <translation>Available in a later version</translation>
    </message>
    <message>
        <source>Esep — budget accounting</source>
        <translation>Esep — budget accounting</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Go to the navigation panel</source>
        <translation>Go to the navigation panel</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>&amp;Window</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>&amp;Close tab</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>Next tab</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>Previous tab</translation>
    </message>
    <message>
        <source>Working context</source>
        <translation>Working context</translation>
    </message>
    <message>
        <source>Institution:</source>
        <translation>Institution:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>User: %1</translation>
    </message>
    <message>
        <source>Institution: %1</source>
        <translation>Institution: %1</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>Period: %1</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::NavigationPanel</name>
    <message>
        <source>Available in a later version</source>
        <translation>Available in a later version</translation>
    </message>
    <message>
        <source>You have no permission to open this list</source>
        <translation>You have no permission to open this list</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::PeriodSelector</name>
    <message>
        <source>Working period</source>
        <translation>Working period</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::RecordDialog</name>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::ReloginDialog</name>
    <message>
        <source>Session expired</source>
        <translation>Session expired</translation>
    </message>
    <message>
        <source>Your session has ended. Enter the password of %1 to go on; the open windows and unsaved work stay as they are.</source>
        <translation>Your session has ended. Enter the password of %1 to go on; the open windows and unsaved work stay as they are.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::TablePart</name>
    <message>
        <source>Add line</source>
        <translation>Add line</translation>
    </message>
    <message>
        <source>Add a line (Insert)</source>
        <translation>Add a line (Insert)</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <source>Remove the current line (Delete)</source>
        <translation>Remove the current line (Delete)</translation>
    </message>
    <message>
        <source>Line %1, %2: %3</source>
        <translation>Line %1, %2: %3</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::TablePartModel</name>
    <message>
        <source>Choose a value from the list (F4).</source>
        <translation>Choose a value from the list (F4).</translation>
    </message>
    <message>
        <source>Fill in this cell.</source>
        <translation>Fill in this cell.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Enter a whole number.</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::TrustDialog</name>
    <message>
        <source>Server certificate</source>
        <translation>Server certificate</translation>
    </message>
    <message>
        <source>The server presented a certificate this computer does not know yet. Compare the fingerprint with the one your administrator gave you before trusting it.</source>
        <translation>The server presented a certificate this computer does not know yet. Compare the fingerprint with the one your administrator gave you before trusting it.</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>Issued to:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Issued by:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Valid:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256 fingerprint:</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>from %1 to %2</translation>
    </message>
    <message>
        <source>The certificate differs from the one trusted before. If the server&apos;s certificate was not replaced on purpose, someone may be intercepting the connection.</source>
        <translation>The certificate differs from the one trusted before. If the server&apos;s certificate was not replaced on purpose, someone may be intercepting the connection.</translation>
    </message>
    <message>
        <source>The certificate is not valid at this date.</source>
        <translation>The certificate is not valid at this date.</translation>
    </message>
    <message>
        <source>&amp;Trust and connect</source>
        <translation>&amp;Trust and connect</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::UserForm</name>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>And every institution below it</source>
        <translation>And every institution below it</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <source>&amp;IIN:</source>
        <translation>&amp;IIN:</translation>
    </message>
    <message>
        <source>Interface l&amp;anguage:</source>
        <translation>Interface l&amp;anguage:</translation>
    </message>
    <message>
        <source>Initial &amp;password:</source>
        <translation>Initial &amp;password:</translation>
    </message>
    <message>
        <source>&amp;Roles (Insert adds a line, Delete removes it):</source>
        <translation>&amp;Roles (Insert adds a line, Delete removes it):</translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation>Switch off</translation>
    </message>
    <message>
        <source>Switch on</source>
        <translation>Switch on</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>The user can sign in.</source>
        <translation>The user can sign in.</translation>
    </message>
    <message>
        <source>The user is switched off.</source>
        <translation>The user is switched off.</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>Give the user at least one role.</source>
        <translation>Give the user at least one role.</translation>
    </message>
    <message>
        <source>User saved.</source>
        <translation>User saved.</translation>
    </message>
    <message>
        <source>Switch off the user</source>
        <translation>Switch off the user</translation>
    </message>
    <message>
        <source>Switch off &quot;%1&quot;? They will not be able to sign in until switched on again.</source>
        <translation>Switch off &quot;%1&quot;? They will not be able to sign in until switched on again.</translation>
    </message>
    <message>
        <source>The user is switched on.</source>
        <translation>The user is switched on.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>New password for &quot;%1&quot; (they must change it at the next sign-in):</source>
        <translation>New password for &quot;%1&quot; (they must change it at the next sign-in):</translation>
    </message>
    <message>
        <source>The password is reset; the user&apos;s sessions have ended.</source>
        <translation>The password is reset; the user&apos;s sessions have ended.</translation>
    </message>
</context>
</TS>
