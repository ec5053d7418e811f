#pragma once

#include <QModelIndex>
#include <QPointer>
#include <QWidget>

namespace rl {

class DiagnosisModel;

// The connection drawn as a map: the customer's router on the left, the link, the provider's
// router on the right, and under them one band per layer with a cell per end coloured by its
// verdict. CANNOT-CHECK is hatched grey with a "?" (never the colour of OK), the likely cause
// has a heavy outline, a cell that changed in the last watched run a dot. Click or arrow keys
// choose a cell; currentChanged tells which.
class DiagnosisMapView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosisMapView)

public:
    explicit DiagnosisMapView(QWidget *parent = nullptr);

    void setModel(DiagnosisModel *model);
    DiagnosisModel *model() const;
    QModelIndex currentIndex() const { return m_current; }
    void setCurrentIndex(const QModelIndex &index);
    // Where a cell is drawn (a band's spanning cell: its link column index), for tests and tips.
    QRect cellRect(const QModelIndex &index) const;
    QModelIndex indexAt(const QPoint &pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void currentChanged(const QModelIndex &index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Geometry {
        int label = 0, customer = 0, link = 0, provider = 0, right = 0; // column left edges, right edge
        int headerHeight = 0, bandTop = 0, bandHeight = 0, gap = 0;
    };
    Geometry geometry() const;
    void paintHeader(QPainter &p, const Geometry &g) const;
    void paintRouterBox(QPainter &p, const QRect &box, const QStringList &lines, bool missing) const;
    void paintBand(QPainter &p, const Geometry &g, int row) const;
    void paintCell(QPainter &p, const QRect &rect, const QModelIndex &index) const;
    void moveCurrent(int rows, int columns);

    QPointer<DiagnosisModel> m_model;
    QPersistentModelIndex m_current;
};

} // namespace rl
