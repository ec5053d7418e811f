// render_icon SVG SIZE OUT.png: the application icon at one hicolor size, drawn by Qt's SVG
// image plugin (libqt6svg6, already needed by the window's own icons), so the PNGs in the
// package always come from resources/icons/routerlens.svg and are never committed copies.
#include <QCoreApplication>
#include <QImage>
#include <QImageReader>
#include <QTextStream>

int main(int argc, char **argv)
{
    // No QGuiApplication: painting into a QImage needs no display and no platform plugin (the
    // icon has no text), and build machines have neither a display nor a runtime folder.
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream err(stderr);
    if (args.size() != 4) {
        err << "usage: render_icon SVG SIZE OUT.png\n";
        return 2;
    }
    bool ok = false;
    const int size = args.at(2).toInt(&ok);
    if (!ok || size <= 0) {
        err << "render_icon: bad size " << args.at(2) << '\n';
        return 2;
    }
    QImageReader reader(args.at(1));
    reader.setScaledSize(QSize(size, size));
    QImage image = reader.read();
    if (image.isNull()) {
        err << "render_icon: cannot read " << args.at(1) << ": " << reader.errorString() << '\n';
        return 1;
    }
    image = image.convertToFormat(QImage::Format_ARGB32);
    if (!image.save(args.at(3), "PNG")) {
        err << "render_icon: cannot write " << args.at(3) << '\n';
        return 1;
    }
    return 0;
}
