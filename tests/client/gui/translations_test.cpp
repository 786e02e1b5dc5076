// The client's translations: every message of i18n/esep_kk.ts and esep_ru.ts is translated
// (none unfinished, none empty), the three files hold the same messages, and running lupdate
// over the client's sources finds no string the files are missing.
#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

namespace {

struct Message {
  QString translation;
  QString type;  // "", "unfinished", "vanished", "obsolete"
};

// (context + "\x1f" + source) → message
QMap<QString, Message> ReadTs(const QString& path) {
  QMap<QString, Message> messages;
  QFile file(path);
  EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
  QXmlStreamReader xml(&file);
  QString context, source;
  Message message;
  while (!xml.atEnd()) {
    xml.readNext();
    if (xml.isStartElement()) {
      if (xml.name() == QLatin1String("name")) context = xml.readElementText();
      if (xml.name() == QLatin1String("message")) message = Message{};
      if (xml.name() == QLatin1String("source")) source = xml.readElementText();
      if (xml.name() == QLatin1String("translation")) {
        message.type = xml.attributes().value(QLatin1String("type")).toString();
        message.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
      }
    } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
      messages.insert(context + QChar(0x1f) + source, message);
    }
  }
  EXPECT_FALSE(xml.hasError()) << path.toStdString() << ": " << xml.errorString().toStdString();
  return messages;
}

QString TsPath(const QString& lang) {
  return QStringLiteral(ESEP_SOURCE_DIR "/i18n/esep_%1.ts").arg(lang);
}

std::string Printable(const QString& key) {
  return QString(key).replace(QChar(0x1f), QStringLiteral(" | ")).toStdString();
}

}  // namespace

TEST(Translations, KazakhAndRussianAreComplete) {
  for (const QString& lang : {QStringLiteral("kk"), QStringLiteral("ru")}) {
    const auto messages = ReadTs(TsPath(lang));
    EXPECT_GT(messages.size(), 100) << lang.toStdString();
    for (auto it = messages.cbegin(); it != messages.cend(); ++it) {
      EXPECT_TRUE(it->type.isEmpty())
          << lang.toStdString() << " " << it->type.toStdString() << ": " << Printable(it.key());
      EXPECT_FALSE(it->translation.trimmed().isEmpty())
          << lang.toStdString() << " untranslated: " << Printable(it.key());
    }
  }
}

TEST(Translations, KazakhUsesKazakhLetters) {
  const auto messages = ReadTs(TsPath(QStringLiteral("kk")));
  QString all;
  for (const auto& message : messages) all += message.translation;
  for (const QChar letter : QStringLiteral("әғқңөұүі")) {
    EXPECT_TRUE(all.contains(letter)) << QString(letter).toStdString();
  }
}

TEST(Translations, AllFilesHoldTheSameMessages) {
  const auto kk = ReadTs(TsPath(QStringLiteral("kk")));
  const auto ru = ReadTs(TsPath(QStringLiteral("ru")));
  const auto en = ReadTs(TsPath(QStringLiteral("en")));
  EXPECT_EQ(kk.keys(), ru.keys());
  EXPECT_EQ(kk.keys(), en.keys());
}

TEST(Translations, NoStringOfTheCodeIsMissing) {
  QTemporaryDir scratch;
  ASSERT_TRUE(scratch.isValid());
  const QString copy = scratch.filePath(QStringLiteral("esep_kk.ts"));
  ASSERT_TRUE(QFile::copy(TsPath(QStringLiteral("kk")), copy));
  QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
  QProcess lupdate;
  lupdate.start(
      QStringLiteral(ESEP_LUPDATE),
      {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-no-obsolete"),
       // The include paths let lupdate see the classes' namespace (the context).
       QStringLiteral("-I"), QStringLiteral(ESEP_SOURCE_DIR "/src/client/ui/include"),
       QStringLiteral("-I"), QStringLiteral(ESEP_SOURCE_DIR "/src/client/core/include"),
       QStringLiteral(ESEP_SOURCE_DIR "/src/client/ui"),
       QStringLiteral(ESEP_SOURCE_DIR "/src/client/app"), QStringLiteral("-ts"), copy});
  ASSERT_TRUE(lupdate.waitForFinished(60'000));
  ASSERT_EQ(lupdate.exitCode(), 0) << lupdate.readAllStandardError().toStdString();
  const auto before = ReadTs(TsPath(QStringLiteral("kk")));
  const auto after = ReadTs(copy);
  for (auto it = after.cbegin(); it != after.cend(); ++it) {
    EXPECT_TRUE(before.contains(it.key())) << "missing from i18n/*.ts: " << Printable(it.key());
  }
  for (auto it = before.cbegin(); it != before.cend(); ++it) {
    EXPECT_TRUE(after.contains(it.key())) << "no longer in the code: " << Printable(it.key());
  }
}
