<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>NavigationPanel</name>
    <message>
        <source>Accounting</source>
        <translation>Бухгалтерский учёт</translation>
    </message>
    <message>
        <source>Chart of accounts</source>
        <translation>План счетов</translation>
    </message>
    <message>
        <source>Memorial orders</source>
        <translation>Мемориальные ордера</translation>
    </message>
    <message>
        <source>Journal of operations</source>
        <translation>Журнал операций</translation>
    </message>
    <message>
        <source>Turnover statement</source>
        <translation>Оборотная ведомость</translation>
    </message>
    <message>
        <source>HR &amp; Payroll</source>
        <translation>Кадры и зарплата</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <source>Staffing table</source>
        <translation>Штатное расписание</translation>
    </message>
    <message>
        <source>Timesheets</source>
        <translation>Табели учёта рабочего времени</translation>
    </message>
    <message>
        <source>Payroll</source>
        <translation>Расчёт зарплаты</translation>
    </message>
    <message>
        <source>Inventory &amp; Assets</source>
        <translation>Запасы и основные средства</translation>
    </message>
    <message>
        <source>Fixed assets</source>
        <translation>Основные средства</translation>
    </message>
    <message>
        <source>Inventories</source>
        <translation>Запасы</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Бюджет</translation>
    </message>
    <message>
        <source>Budget programs</source>
        <translation>Бюджетные программы</translation>
    </message>
    <message>
        <source>Budget requests</source>
        <translation>Бюджетные заявки</translation>
    </message>
    <message>
        <source>Financing plans</source>
        <translation>Планы финансирования</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>Financial statements</source>
        <translation>Финансовая отчётность</translation>
    </message>
    <message>
        <source>Treasury reconciliation</source>
        <translation>Сверка с казначейством</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Администрирование</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>Учреждения</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Журнал аудита</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Задания</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The server sent a document that cannot be read.</source>
        <translation>Сервер прислал документ, который не удаётся прочитать.</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::FilterDialog</name>
    <message>
        <source>Filter</source>
        <translation>Фильтр</translation>
    </message>
    <message>
        <source>%1 equals:</source>
        <translation>%1 равно:</translation>
    </message>
    <message>
        <source>%1 contains:</source>
        <translation>%1 содержит:</translation>
    </message>
    <message>
        <source>from</source>
        <translation>с</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Очистить всё</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::FormField</name>
    <message>
        <source>Fill in this field.</source>
        <translation>Заполните это поле.</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::FormPage</name>
    <message>
        <source>Someone else saved this record</source>
        <translation>Эту запись уже сохранил кто-то другой</translation>
    </message>
    <message>
        <source>While you were editing, another user saved this record. Your changes were not saved.</source>
        <translation>Пока вы редактировали, эту запись сохранил другой пользователь. Ваши изменения не сохранены.</translation>
    </message>
    <message>
        <source>Reload: read the record as it is now; your changes here are lost.
Keep editing: your changes stay on the screen, but they cannot be saved over the other user&apos;s version — reload and enter them again.</source>
        <translation>Обновить: прочитать запись в нынешнем виде; ваши изменения здесь пропадут.
Продолжить редактирование: ваши изменения останутся на экране, но сохранить их поверх версии другого пользователя нельзя — обновите запись и введите их снова.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Продолжить редактирование</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>The changes in &quot;%1&quot; are not saved. Discard them?</source>
        <translation>Изменения в «%1» не сохранены. Отменить их?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save the record (Ctrl+S)</source>
        <translation>Сохранить запись (Ctrl+S)</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Провести</translation>
    </message>
    <message>
        <source>Save and post (Ctrl+Enter)</source>
        <translation>Сохранить и провести (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Close the form (Esc)</source>
        <translation>Закрыть форму (Esc)</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::InstitutionForm</name>
    <message>
        <source>&amp;BIN:</source>
        <translation>&amp;БИН:</translation>
    </message>
    <message>
        <source>Name in &amp;Kazakh:</source>
        <translation>Наименование на &amp;казахском:</translation>
    </message>
    <message>
        <source>Name in &amp;Russian:</source>
        <translation>Наименование на &amp;русском:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <source>State institution (GU)</source>
        <translation>Государственное учреждение (ГУ)</translation>
    </message>
    <message>
        <source>Municipal state institution (KGU)</source>
        <translation>Коммунальное государственное учреждение (КГУ)</translation>
    </message>
    <message>
        <source>Municipal state enterprise (GKKP)</source>
        <translation>Государственное коммунальное казённое предприятие (ГККП)</translation>
    </message>
    <message>
        <source>Budget &amp;level (1–4):</source>
        <translation>&amp;Уровень бюджета (1–4):</translation>
    </message>
    <message>
        <source>&amp;Superior institution:</source>
        <translation>&amp;Вышестоящее учреждение:</translation>
    </message>
    <message>
        <source>&amp;Accounting office:</source>
        <translation>Централизованная &amp;бухгалтерия:</translation>
    </message>
    <message>
        <source>A&amp;BP code:</source>
        <translation>Код А&amp;БП:</translation>
    </message>
    <message>
        <source>Ac&amp;tive:</source>
        <translation>&amp;Действует:</translation>
    </message>
    <message>
        <source>New institution</source>
        <translation>Новое учреждение</translation>
    </message>
    <message>
        <source>Institution created.</source>
        <translation>Учреждение создано.</translation>
    </message>
    <message>
        <source>Institution saved.</source>
        <translation>Учреждение сохранено.</translation>
    </message>
    <message>
        <source>Switch off the institution</source>
        <translation>Отключить учреждение</translation>
    </message>
    <message>
        <source>Switch off &quot;%1&quot;? It stays in the system with its history and can be switched on again.</source>
        <translation>Отключить «%1»? Оно останется в системе со своей историей, его можно снова включить.</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::InstitutionSwitcher</name>
    <message>
        <source>Institution №%1</source>
        <translation>Учреждение №%1</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::IntegerField</name>
    <message>
        <source>Enter a whole number.</source>
        <translation>Введите целое число.</translation>
    </message>
    <message>
        <source>Enter a number from %1 to %2.</source>
        <translation>Введите число от %1 до %2.</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::ListPage</name>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Поиск (Ctrl+F)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Read the list again from the server (F5)</source>
        <translation>Заново прочитать список с сервера (F5)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>Фильтр…</translation>
    </message>
    <message>
        <source>Filter (%1)…</source>
        <translation>Фильтр (%1)…</translation>
    </message>
    <message>
        <source>Filter by columns (Ctrl+Shift+F)</source>
        <translation>Отбор по колонкам (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>This list has no filterable columns</source>
        <translation>В этом списке нет колонок для отбора</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Show the selected record (Enter, F2)</source>
        <translation>Показать выбранную запись (Enter, F2)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Mark for deletion</source>
        <translation>Пометить на удаление</translation>
    </message>
    <message>
        <source>This list is read-only in this version</source>
        <translation>В этой версии список доступен только для чтения</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Export to XLSX…</source>
        <translation>Экспорт в XLSX…</translation>
    </message>
    <message>
        <source>Export to PDF…</source>
        <translation>Экспорт в PDF…</translation>
    </message>
    <message>
        <source>The server cannot print this list yet</source>
        <translation>Сервер пока не умеет печатать этот список</translation>
    </message>
    <message>
        <source>Print preview (Ctrl+P)</source>
        <translation>Предварительный просмотр (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save as an Excel workbook (Ctrl+E)</source>
        <translation>Сохранить как книгу Excel (Ctrl+E)</translation>
    </message>
    <message>
        <source>Save as a PDF document</source>
        <translation>Сохранить как документ PDF</translation>
    </message>
    <message>
        <source>Rows: %L1</source>
        <translation>Строк: %L1</translation>
    </message>
    <message>
        <source> (filtered)</source>
        <translation> (с отбором)</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>загрузка…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Сбросить колонки</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Документ PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>Add a record (Insert)</source>
        <translation>Добавить запись (Insert)</translation>
    </message>
    <message>
        <source>Mark the selected record (Delete)</source>
        <translation>Пометить выбранную запись (Delete)</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::ListReport</name>
    <message>
        <source>Preparing the document on the server…</source>
        <translation>Документ готовится на сервере…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Downloading the file…</source>
        <translation>Загрузка файла…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::LoginDialog</name>
    <message>
        <source>CA certificate</source>
        <translation>Сертификат УЦ</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>Сертификаты (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>Esep — sign in</source>
        <translation>Esep — вход в систему</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>Имя профиля:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Сервер:</translation>
    </message>
    <message>
        <source>Trust the server by:</source>
        <translation>Доверять серверу по:</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Подключение:</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>Файл УЦ:</translation>
    </message>
    <message>
        <source>Pinned certificate:</source>
        <translation>Закреплённый сертификат:</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новое</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>System certificate authorities</source>
        <translation>Системные удостоверяющие центры</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>Файл сертификата УЦ</translation>
    </message>
    <message>
        <source>Pinned fingerprint</source>
        <translation>Закреплённый отпечаток</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Забыть</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Подключиться</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Основное</translation>
    </message>
    <message>
        <source>Connection %1</source>
        <translation>Подключение %1</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>не используется</translation>
    </message>
    <message>
        <source>none yet: you will be asked on first connection</source>
        <translation>пока нет: будет запрошен при первом подключении</translation>
    </message>
    <message>
        <source>Enter the server address as https://host:port.</source>
        <translation>Введите адрес сервера в виде https://host:port.</translation>
    </message>
    <message>
        <source>Choose the CA certificate file.</source>
        <translation>Выберите файл сертификата УЦ.</translation>
    </message>
    <message>
        <source>Enter your login.</source>
        <translation>Введите логин.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Введите пароль.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was not trusted; nothing was sent.</source>
        <translation>Сертификату сервера не доверились; ничего не отправлено.</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::LookupField</name>
    <message>
        <source>Choose from the list (F4)</source>
        <translation>Выбрать из списка (F4)</translation>
    </message>
    <message>
        <source>Choose a value from the list (F4).</source>
        <translation>Выберите значение из списка (F4).</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::LookupPicker</name>
    <message>
        <source>Choose a value</source>
        <translation>Выбор значения</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>You may not open this list.</source>
        <translation>Нет прав открывать этот список.</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::MainWindow</name>
    <message>
        <source>Cancel job</source>
        <translation>Отменить задание</translation>
    </message>
    <message>
        <source>Job %1: cancel requested</source>
        <translation>Задание %1: запрошена отмена</translation>
    </message>
    <message>
        <source>Available in a later version</source>
        <translation>Будет доступно в следующей версии</translation>
    </message>
    <message>
        <source>Esep — budget accounting</source>
        <translation>Esep — бюджетный учёт</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>Go to the navigation panel</source>
        <translation>Перейти к панели навигации</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>&amp;Окно</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>&amp;Закрыть вкладку</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>Следующая вкладка</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>Предыдущая вкладка</translation>
    </message>
    <message>
        <source>Working context</source>
        <translation>Рабочий контекст</translation>
    </message>
    <message>
        <source>Institution:</source>
        <translation>Учреждение:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Пользователь: %1</translation>
    </message>
    <message>
        <source>Institution: %1</source>
        <translation>Учреждение: %1</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>Период: %1</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::NavigationPanel</name>
    <message>
        <source>Available in a later version</source>
        <translation>Будет доступно в следующей версии</translation>
    </message>
    <message>
        <source>You have no permission to open this list</source>
        <translation>У вас нет права открывать этот список</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::PeriodSelector</name>
    <message>
        <source>Working period</source>
        <translation>Рабочий период</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::RecordDialog</name>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::ReloginDialog</name>
    <message>
        <source>Session expired</source>
        <translation>Сеанс завершён</translation>
    </message>
    <message>
        <source>Your session has ended. Enter the password of %1 to go on; the open windows and unsaved work stay as they are.</source>
        <translation>Ваш сеанс завершён. Чтобы продолжить, введите пароль %1; открытые окна и несохранённая работа останутся как есть.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Войти</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::TablePart</name>
    <message>
        <source>Add line</source>
        <translation>Добавить строку</translation>
    </message>
    <message>
        <source>Add a line (Insert)</source>
        <translation>Добавить строку (Insert)</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Удалить строку</translation>
    </message>
    <message>
        <source>Remove the current line (Delete)</source>
        <translation>Удалить текущую строку (Delete)</translation>
    </message>
    <message>
        <source>Line %1, %2: %3</source>
        <translation>Строка %1, %2: %3</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::TablePartModel</name>
    <message>
        <source>Choose a value from the list (F4).</source>
        <translation>Выберите значение из списка (F4).</translation>
    </message>
    <message>
        <source>Fill in this cell.</source>
        <translation>Заполните эту ячейку.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Введите целое число.</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::TrustDialog</name>
    <message>
        <source>Server certificate</source>
        <translation>Сертификат сервера</translation>
    </message>
    <message>
        <source>The server presented a certificate this computer does not know yet. Compare the fingerprint with the one your administrator gave you before trusting it.</source>
        <translation>Сервер предъявил сертификат, который этому компьютеру ещё не известен. Прежде чем доверять ему, сравните отпечаток с тем, что дал администратор.</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>Кому выдан:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Кем выдан:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Действителен:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>Отпечаток SHA-256:</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>с %1 по %2</translation>
    </message>
    <message>
        <source>The certificate differs from the one trusted before. If the server&apos;s certificate was not replaced on purpose, someone may be intercepting the connection.</source>
        <translation>Сертификат отличается от того, которому доверяли раньше. Если сертификат сервера не заменяли намеренно, соединение может перехватываться.</translation>
    </message>
    <message>
        <source>The certificate is not valid at this date.</source>
        <translation>Сертификат недействителен на эту дату.</translation>
    </message>
    <message>
        <source>&amp;Trust and connect</source>
        <translation>&amp;Доверять и подключиться</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>esep::client::ui::UserForm</name>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Учреждение</translation>
    </message>
    <message>
        <source>And every institution below it</source>
        <translation>И все нижестоящие учреждения</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;ФИО:</translation>
    </message>
    <message>
        <source>&amp;IIN:</source>
        <translation>&amp;ИИН:</translation>
    </message>
    <message>
        <source>Interface l&amp;anguage:</source>
        <translation>&amp;Язык интерфейса:</translation>
    </message>
    <message>
        <source>Initial &amp;password:</source>
        <translation>Начальный &amp;пароль:</translation>
    </message>
    <message>
        <source>&amp;Roles (Insert adds a line, Delete removes it):</source>
        <translation>&amp;Роли (Insert — добавить строку, Delete — удалить):</translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation>Отключить</translation>
    </message>
    <message>
        <source>Switch on</source>
        <translation>Включить</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Сбросить пароль…</translation>
    </message>
    <message>
        <source>The user can sign in.</source>
        <translation>Пользователь может входить в систему.</translation>
    </message>
    <message>
        <source>The user is switched off.</source>
        <translation>Пользователь отключён.</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Новый пользователь</translation>
    </message>
    <message>
        <source>Give the user at least one role.</source>
        <translation>Назначьте пользователю хотя бы одну роль.</translation>
    </message>
    <message>
        <source>User saved.</source>
        <translation>Пользователь сохранён.</translation>
    </message>
    <message>
        <source>Switch off the user</source>
        <translation>Отключить пользователя</translation>
    </message>
    <message>
        <source>Switch off &quot;%1&quot;? They will not be able to sign in until switched on again.</source>
        <translation>Отключить «%1»? Пользователь не сможет войти, пока его снова не включат.</translation>
    </message>
    <message>
        <source>The user is switched on.</source>
        <translation>Пользователь включён.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Сброс пароля</translation>
    </message>
    <message>
        <source>New password for &quot;%1&quot; (they must change it at the next sign-in):</source>
        <translation>Новый пароль для «%1» (его нужно будет сменить при следующем входе):</translation>
    </message>
    <message>
        <source>The password is reset; the user&apos;s sessions have ended.</source>
        <translation>Пароль сброшен; сеансы пользователя завершены.</translation>
    </message>
</context>
</TS>
