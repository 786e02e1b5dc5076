<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk">
<context>
    <name>NavigationPanel</name>
    <message>
        <source>Accounting</source>
        <translation>Бухгалтерлік есеп</translation>
    </message>
    <message>
        <source>Chart of accounts</source>
        <translation>Шоттар жоспары</translation>
    </message>
    <message>
        <source>Memorial orders</source>
        <translation>Мемориалдық ордерлер</translation>
    </message>
    <message>
        <source>Journal of operations</source>
        <translation>Операциялар журналы</translation>
    </message>
    <message>
        <source>Turnover statement</source>
        <translation>Айналым ведомосы</translation>
    </message>
    <message>
        <source>HR &amp; Payroll</source>
        <translation>Кадрлар және жалақы</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Қызметкерлер</translation>
    </message>
    <message>
        <source>Staffing table</source>
        <translation>Штат кестесі</translation>
    </message>
    <message>
        <source>Timesheets</source>
        <translation>Жұмыс уақытын есепке алу табельдері</translation>
    </message>
    <message>
        <source>Payroll</source>
        <translation>Жалақы есептеу</translation>
    </message>
    <message>
        <source>Inventory &amp; Assets</source>
        <translation>Қорлар және негізгі құралдар</translation>
    </message>
    <message>
        <source>Fixed assets</source>
        <translation>Негізгі құралдар</translation>
    </message>
    <message>
        <source>Inventories</source>
        <translation>Қорлар</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Бюджет</translation>
    </message>
    <message>
        <source>Budget programs</source>
        <translation>Бюджеттік бағдарламалар</translation>
    </message>
    <message>
        <source>Budget requests</source>
        <translation>Бюджеттік өтінімдер</translation>
    </message>
    <message>
        <source>Financing plans</source>
        <translation>Қаржыландыру жоспарлары</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Есептер</translation>
    </message>
    <message>
        <source>Financial statements</source>
        <translation>Қаржылық есептілік</translation>
    </message>
    <message>
        <source>Treasury reconciliation</source>
        <translation>Қазынашылықпен салыстыру</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Әкімшілендіру</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>Мекемелер</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Пайдаланушылар</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Аудит журналы</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Тапсырмалар</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The server sent a document that cannot be read.</source>
        <translation>Сервер оқылмайтын құжат жіберді.</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::FilterDialog</name>
    <message>
        <source>Filter</source>
        <translation>Сүзгі</translation>
    </message>
    <message>
        <source>%1 equals:</source>
        <translation>%1 тең:</translation>
    </message>
    <message>
        <source>%1 contains:</source>
        <translation>%1 құрамында:</translation>
    </message>
    <message>
        <source>from</source>
        <translation>бастап</translation>
    </message>
    <message>
        <source>to</source>
        <translation>дейін</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Қолдану</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Барлығын тазалау</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::FormField</name>
    <message>
        <source>Fill in this field.</source>
        <translation>Өрісті толтырыңыз.</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::FormPage</name>
    <message>
        <source>Someone else saved this record</source>
        <translation>Бұл жазбаны басқа біреу сақтап қойды</translation>
    </message>
    <message>
        <source>While you were editing, another user saved this record. Your changes were not saved.</source>
        <translation>Сіз өңдеп жатқанда бұл жазбаны басқа пайдаланушы сақтады. Сіздің өзгерістеріңіз сақталмады.</translation>
    </message>
    <message>
        <source>Reload: read the record as it is now; your changes here are lost.
Keep editing: your changes stay on the screen, but they cannot be saved over the other user&apos;s version — reload and enter them again.</source>
        <translation>Жаңарту: жазбаны қазіргі күйінде қайта оқу; осындағы өзгерістеріңіз жоғалады.
Өңдеуді жалғастыру: өзгерістеріңіз экранда қалады, бірақ оларды басқа пайдаланушының нұсқасының үстінен сақтау мүмкін емес — жаңартып, қайта енгізіңіз.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Өңдеуді жалғастыру</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Сақталмаған өзгерістер</translation>
    </message>
    <message>
        <source>The changes in &quot;%1&quot; are not saved. Discard them?</source>
        <translation>«%1» ішіндегі өзгерістер сақталмаған. Оларды тастау керек пе?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Тастау</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Save the record (Ctrl+S)</source>
        <translation>Жазбаны сақтау (Ctrl+S)</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Өткізу</translation>
    </message>
    <message>
        <source>Save and post (Ctrl+Enter)</source>
        <translation>Сақтау және өткізу (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Close the form (Esc)</source>
        <translation>Форманы жабу (Esc)</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::InstitutionForm</name>
    <message>
        <source>&amp;BIN:</source>
        <translation>&amp;БСН:</translation>
    </message>
    <message>
        <source>Name in &amp;Kazakh:</source>
        <translation>&amp;Қазақша атауы:</translation>
    </message>
    <message>
        <source>Name in &amp;Russian:</source>
        <translation>&amp;Орысша атауы:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Түрі:</translation>
    </message>
    <message>
        <source>State institution (GU)</source>
        <translation>Мемлекеттік мекеме (ММ)</translation>
    </message>
    <message>
        <source>Municipal state institution (KGU)</source>
        <translation>Коммуналдық мемлекеттік мекеме (КММ)</translation>
    </message>
    <message>
        <source>Municipal state enterprise (GKKP)</source>
        <translation>Мемлекеттік коммуналдық қазыналық кәсіпорын (МКҚК)</translation>
    </message>
    <message>
        <source>Budget &amp;level (1–4):</source>
        <translation>Бюджет &amp;деңгейі (1–4):</translation>
    </message>
    <message>
        <source>&amp;Superior institution:</source>
        <translation>&amp;Жоғары тұрған мекеме:</translation>
    </message>
    <message>
        <source>&amp;Accounting office:</source>
        <translation>Бух&amp;галтерия қызметі:</translation>
    </message>
    <message>
        <source>A&amp;BP code:</source>
        <translation>Б&amp;БӘ коды:</translation>
    </message>
    <message>
        <source>Ac&amp;tive:</source>
        <translation>Бел&amp;сенді:</translation>
    </message>
    <message>
        <source>New institution</source>
        <translation>Жаңа мекеме</translation>
    </message>
    <message>
        <source>Institution created.</source>
        <translation>Мекеме құрылды.</translation>
    </message>
    <message>
        <source>Institution saved.</source>
        <translation>Мекеме сақталды.</translation>
    </message>
    <message>
        <source>Switch off the institution</source>
        <translation>Мекемені өшіру</translation>
    </message>
    <message>
        <source>Switch off &quot;%1&quot;? It stays in the system with its history and can be switched on again.</source>
        <translation>«%1» өшірілсін бе? Ол тарихымен бірге жүйеде қалады және қайта қосуға болады.</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::InstitutionSwitcher</name>
    <message>
        <source>Institution №%1</source>
        <translation>Мекеме №%1</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::IntegerField</name>
    <message>
        <source>Enter a whole number.</source>
        <translation>Бүтін сан енгізіңіз.</translation>
    </message>
    <message>
        <source>Enter a number from %1 to %2.</source>
        <translation>%1-ден %2-ге дейінгі сан енгізіңіз.</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::ListPage</name>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Іздеу (Ctrl+F)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>Read the list again from the server (F5)</source>
        <translation>Тізімді серверден қайта оқу (F5)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Табу</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>Сүзгі…</translation>
    </message>
    <message>
        <source>Filter (%1)…</source>
        <translation>Сүзгі (%1)…</translation>
    </message>
    <message>
        <source>Filter by columns (Ctrl+Shift+F)</source>
        <translation>Бағандар бойынша сүзу (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>This list has no filterable columns</source>
        <translation>Бұл тізімде сүзуге болатын баған жоқ</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <source>Show the selected record (Enter, F2)</source>
        <translation>Таңдалған жазбаны көрсету (Enter, F2)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Қосу</translation>
    </message>
    <message>
        <source>Mark for deletion</source>
        <translation>Жоюға белгілеу</translation>
    </message>
    <message>
        <source>This list is read-only in this version</source>
        <translation>Бұл нұсқада тізімді тек оқуға болады</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Басып шығару…</translation>
    </message>
    <message>
        <source>Export to XLSX…</source>
        <translation>XLSX-ке экспорттау…</translation>
    </message>
    <message>
        <source>Export to PDF…</source>
        <translation>PDF-ке экспорттау…</translation>
    </message>
    <message>
        <source>The server cannot print this list yet</source>
        <translation>Сервер бұл тізімді әлі басып шығара алмайды</translation>
    </message>
    <message>
        <source>Print preview (Ctrl+P)</source>
        <translation>Басып шығаруды алдын ала қарау (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save as an Excel workbook (Ctrl+E)</source>
        <translation>Excel кітабы ретінде сақтау (Ctrl+E)</translation>
    </message>
    <message>
        <source>Save as a PDF document</source>
        <translation>PDF құжаты ретінде сақтау</translation>
    </message>
    <message>
        <source>Rows: %L1</source>
        <translation>Жолдар: %L1</translation>
    </message>
    <message>
        <source> (filtered)</source>
        <translation> (сүзілген)</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>жүктелуде…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Бағандарды қалпына келтіру</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Болдырылмады.</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel кітабы (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF құжаты (*.pdf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорттау</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 жазу мүмкін болмады: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 сақталды</translation>
    </message>
    <message>
        <source>Add a record (Insert)</source>
        <translation>Жазба қосу (Insert)</translation>
    </message>
    <message>
        <source>Mark the selected record (Delete)</source>
        <translation>Таңдалған жазбаны белгілеу (Delete)</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::ListReport</name>
    <message>
        <source>Preparing the document on the server…</source>
        <translation>Құжат серверде дайындалуда…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <source>Downloading the file…</source>
        <translation>Файл жүктелуде…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Болдырмау…</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::LoginDialog</name>
    <message>
        <source>CA certificate</source>
        <translation>КО сертификаты</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>Сертификаттар (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>Esep — sign in</source>
        <translation>Esep — жүйеге кіру</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Тіл:</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>Профиль атауы:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Сервер:</translation>
    </message>
    <message>
        <source>Trust the server by:</source>
        <translation>Серверге сену тәсілі:</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Құпиясөз:</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Қосылым:</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>КО файлы:</translation>
    </message>
    <message>
        <source>Pinned certificate:</source>
        <translation>Бекітілген сертификат:</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Жаңа</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>System certificate authorities</source>
        <translation>Жүйенің куәландырушы орталықтары</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>КО сертификатының файлы</translation>
    </message>
    <message>
        <source>Pinned fingerprint</source>
        <translation>Бекітілген баспа (fingerprint)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Шолу…</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Ұмыту</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Қосылуда…</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Қосылу</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Негізгі</translation>
    </message>
    <message>
        <source>Connection %1</source>
        <translation>Қосылым %1</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>пайдаланылмайды</translation>
    </message>
    <message>
        <source>none yet: you will be asked on first connection</source>
        <translation>әзірге жоқ: алғаш қосылғанда сұралады</translation>
    </message>
    <message>
        <source>Enter the server address as https://host:port.</source>
        <translation>Сервер мекенжайын https://host:port түрінде енгізіңіз.</translation>
    </message>
    <message>
        <source>Choose the CA certificate file.</source>
        <translation>КО сертификатының файлын таңдаңыз.</translation>
    </message>
    <message>
        <source>Enter your login.</source>
        <translation>Логиніңізді енгізіңіз.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Құпиясөзді енгізіңіз.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was not trusted; nothing was sent.</source>
        <translation>Сервер сертификатына сенім білдірілмеді; ештеңе жіберілген жоқ.</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::LookupField</name>
    <message>
        <source>Choose from the list (F4)</source>
        <translation>Тізімнен таңдау (F4)</translation>
    </message>
    <message>
        <source>Choose a value from the list (F4).</source>
        <translation>Мәнді тізімнен таңдаңыз (F4).</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::LookupPicker</name>
    <message>
        <source>Choose a value</source>
        <translation>Мәнді таңдау</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Жүктелуде…</translation>
    </message>
    <message>
        <source>You may not open this list.</source>
        <translation>Бұл тізімді ашуға рұқсатыңыз жоқ.</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::MainWindow</name>
    <message>
        <source>Cancel job</source>
        <translation>Тапсырманы болдырмау</translation>
    </message>
    <message>
        <source>Job %1: cancel requested</source>
        <translation>%1 тапсырмасы: болдырмау сұралды</translation>
    </message>
    <message>
        <source>Available in a later version</source>
        <translation>Кейінгі нұсқада қолжетімді болады</translation>
    </message>
    <message>
        <source>Esep — budget accounting</source>
        <translation>Esep — бюджеттік есеп</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Шығу</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Көрініс</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Тіл</translation>
    </message>
    <message>
        <source>Go to the navigation panel</source>
        <translation>Навигация панеліне өту</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>&amp;Терезе</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>Қойындыны &amp;жабу</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>Келесі қойынды</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>Алдыңғы қойынды</translation>
    </message>
    <message>
        <source>Working context</source>
        <translation>Жұмыс мәнмәтіні</translation>
    </message>
    <message>
        <source>Institution:</source>
        <translation>Мекеме:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Кезең:</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Пайдаланушы: %1</translation>
    </message>
    <message>
        <source>Institution: %1</source>
        <translation>Мекеме: %1</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>Кезең: %1</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::NavigationPanel</name>
    <message>
        <source>Available in a later version</source>
        <translation>Кейінгі нұсқада қолжетімді болады</translation>
    </message>
    <message>
        <source>You have no permission to open this list</source>
        <translation>Бұл тізімді ашуға құқығыңыз жоқ</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::PeriodSelector</name>
    <message>
        <source>Working period</source>
        <translation>Жұмыс кезеңі</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::RecordDialog</name>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::ReloginDialog</name>
    <message>
        <source>Session expired</source>
        <translation>Сеанс аяқталды</translation>
    </message>
    <message>
        <source>Your session has ended. Enter the password of %1 to go on; the open windows and unsaved work stay as they are.</source>
        <translation>Сеансыңыз аяқталды. Жалғастыру үшін %1 құпиясөзін енгізіңіз; ашық терезелер мен сақталмаған жұмыс өзгеріссіз қалады.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Құпиясөз:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Кіру</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Шығу</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::TablePart</name>
    <message>
        <source>Add line</source>
        <translation>Жол қосу</translation>
    </message>
    <message>
        <source>Add a line (Insert)</source>
        <translation>Жол қосу (Insert)</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Жолды жою</translation>
    </message>
    <message>
        <source>Remove the current line (Delete)</source>
        <translation>Ағымдағы жолды жою (Delete)</translation>
    </message>
    <message>
        <source>Line %1, %2: %3</source>
        <translation>%1-жол, %2: %3</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::TablePartModel</name>
    <message>
        <source>Choose a value from the list (F4).</source>
        <translation>Мәнді тізімнен таңдаңыз (F4).</translation>
    </message>
    <message>
        <source>Fill in this cell.</source>
        <translation>Ұяшықты толтырыңыз.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Бүтін сан енгізіңіз.</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::TrustDialog</name>
    <message>
        <source>Server certificate</source>
        <translation>Сервер сертификаты</translation>
    </message>
    <message>
        <source>The server presented a certificate this computer does not know yet. Compare the fingerprint with the one your administrator gave you before trusting it.</source>
        <translation>Сервер бұл компьютерге әлі белгісіз сертификат ұсынды. Сенім білдірмес бұрын баспаны әкімші берген баспамен салыстырыңыз.</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>Кімге берілген:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Кім берген:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Жарамдылық мерзімі:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256 баспасы:</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>%1 бастап %2 дейін</translation>
    </message>
    <message>
        <source>The certificate differs from the one trusted before. If the server&apos;s certificate was not replaced on purpose, someone may be intercepting the connection.</source>
        <translation>Сертификат бұрын сенім білдірілгеннен өзгеше. Егер сервер сертификаты әдейі ауыстырылмаса, біреу қосылымды ұстап алуы мүмкін.</translation>
    </message>
    <message>
        <source>The certificate is not valid at this date.</source>
        <translation>Сертификат осы күні жарамсыз.</translation>
    </message>
    <message>
        <source>&amp;Trust and connect</source>
        <translation>&amp;Сену және қосылу</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::UserForm</name>
    <message>
        <source>Role</source>
        <translation>Рөл</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Мекеме</translation>
    </message>
    <message>
        <source>And every institution below it</source>
        <translation>Және оған бағынышты барлық мекемелер</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Аты-жөні:</translation>
    </message>
    <message>
        <source>&amp;IIN:</source>
        <translation>&amp;ЖСН:</translation>
    </message>
    <message>
        <source>Interface l&amp;anguage:</source>
        <translation>Интерфейс &amp;тілі:</translation>
    </message>
    <message>
        <source>Initial &amp;password:</source>
        <translation>Бастапқы &amp;құпиясөз:</translation>
    </message>
    <message>
        <source>&amp;Roles (Insert adds a line, Delete removes it):</source>
        <translation>&amp;Рөлдер (Insert — жол қосу, Delete — жою):</translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation>Өшіру</translation>
    </message>
    <message>
        <source>Switch on</source>
        <translation>Қосу</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Құпиясөзді қалпына келтіру…</translation>
    </message>
    <message>
        <source>The user can sign in.</source>
        <translation>Пайдаланушы жүйеге кіре алады.</translation>
    </message>
    <message>
        <source>The user is switched off.</source>
        <translation>Пайдаланушы өшірілген.</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Жаңа пайдаланушы</translation>
    </message>
    <message>
        <source>Give the user at least one role.</source>
        <translation>Пайдаланушыға кемінде бір рөл беріңіз.</translation>
    </message>
    <message>
        <source>User saved.</source>
        <translation>Пайдаланушы сақталды.</translation>
    </message>
    <message>
        <source>Switch off the user</source>
        <translation>Пайдаланушыны өшіру</translation>
    </message>
    <message>
        <source>Switch off &quot;%1&quot;? They will not be able to sign in until switched on again.</source>
        <translation>«%1» өшірілсін бе? Қайта қосылғанша ол жүйеге кіре алмайды.</translation>
    </message>
    <message>
        <source>The user is switched on.</source>
        <translation>Пайдаланушы қосылды.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Құпиясөзді қалпына келтіру</translation>
    </message>
    <message>
        <source>New password for &quot;%1&quot; (they must change it at the next sign-in):</source>
        <translation>«%1» үшін жаңа құпиясөз (келесі кіргенде оны ауыстыруы керек):</translation>
    </message>
    <message>
        <source>The password is reset; the user&apos;s sessions have ended.</source>
        <translation>Құпиясөз қалпына келтірілді; пайдаланушының сеанстары аяқталды.</translation>
    </message>
</context>
</TS>
